namespace ExecGov.Credentials.Issuer.SignIn;

/// <summary>The claim types of an admin principal after sign-in (embedded tokens carry them as is; external ones are mapped).</summary>
internal static class AdminClaimTypes
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The person the caller acts for; added on every request by the server, never taken from a token.</summary>
    public const string Person = "execgov:person";

    /// <summary>The <c>aud</c> of embedded admin access tokens: they are good for this service's admin API only.</summary>
    public const string Audience = "execgov-issuer-admin";
}
