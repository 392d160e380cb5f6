namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>The <c>details</c> of an <c>issuer_started</c> audit record.</summary>
internal sealed record IssuerStartedDetails(string Issuer, string ActiveKid, string KeySetPath, bool EmbeddedSignIn);
