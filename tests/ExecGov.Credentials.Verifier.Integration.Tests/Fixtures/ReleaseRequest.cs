namespace ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;

/// <summary>The body of a payment release, as the handler binds it.</summary>
public sealed record ReleaseRequest(decimal Amount, string Currency, string Destination);
