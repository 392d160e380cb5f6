namespace ExecGov.Credentials.Verifier;

/// <summary>What an agent presents: its credential and a fresh proof of possession of its key.</summary>
/// <param name="Credential">The credential, a JWS compact token.</param>
/// <param name="Proof">The holder proof (the <c>DPoP</c> header), or null when none was sent.</param>
public sealed record Presentation(string? Credential, string? Proof);
