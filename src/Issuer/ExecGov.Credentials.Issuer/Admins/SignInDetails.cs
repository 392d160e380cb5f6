namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The <c>details</c> of a sign-in audit record (never the secret or assertion).</summary>
internal sealed record SignInDetails(string ClientId, string Method, string? Reason);
