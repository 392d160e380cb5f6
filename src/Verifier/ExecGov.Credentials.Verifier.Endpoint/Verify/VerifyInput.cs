namespace ExecGov.Credentials.Verifier.Endpoint.Verify;

/// <summary>A <c>/v1/verify</c> body that passed the structural checks.</summary>
internal sealed record VerifyInput(string Credential, string? Proof, string Method, Uri Url, string? Audience, string Action, string? Resource, Dictionary<string, string>? Context);
