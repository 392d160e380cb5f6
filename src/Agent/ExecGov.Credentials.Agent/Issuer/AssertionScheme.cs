namespace ExecGov.Credentials.Agent.Issuer;

/// <summary>The <c>Authorization</c> scheme of the issuer's agent API (docs/http-api.md).</summary>
internal static class AssertionScheme
{
    public const string Name = "ExecGov-Assertion";
}
