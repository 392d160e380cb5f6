namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>How the request presented its credential.</summary>
public enum PresentationScheme
{
    /// <summary>No credential (no <c>Authorization</c> header, or one with a scheme this endpoint does not accept).</summary>
    None = 0,

    /// <summary><c>Authorization: DPoP &lt;credential&gt;</c> with a <c>DPoP</c> proof header (RFC 9449).</summary>
    DPoP,

    /// <summary><c>Authorization: Bearer &lt;credential&gt;</c> without a proof, accepted only for configured low-risk audiences.</summary>
    Bearer,
}
