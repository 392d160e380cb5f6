namespace ExecGov.Credentials.Verifier.AspNetCore;

/// <summary>Names shared by the ExecGov authentication scheme, its challenges and its claims.</summary>
public static class ExecGovCredentialDefaults
{
    /// <summary>The default authentication scheme name.</summary>
    public const string AuthenticationScheme = "ExecGovDPoP";

    /// <summary>The HTTP authentication scheme of the <c>Authorization</c> header (RFC 9449 §7.1).</summary>
    public const string DPoPScheme = "DPoP";

    /// <summary>The request header carrying the holder proof (RFC 9449 §4.1).</summary>
    public const string ProofHeader = "DPoP";

    /// <summary>The <c>algs</c> value of every challenge: the only proof algorithm accepted.</summary>
    public const string Algorithms = "EdDSA";

    /// <summary>The <see cref="Microsoft.AspNetCore.Http.HttpContext.Items"/> key under which the <see cref="Decision"/> is stored.</summary>
    public const string DecisionItemKey = "ExecGov.Credentials.Decision";
}
