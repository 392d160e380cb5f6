namespace ExecGov.Credentials.Verifier.AspNetCore;

/// <summary>Claim types of the principal built from an allowed <see cref="Decision"/>.</summary>
public static class ExecGovClaimTypes
{
    /// <summary>The agent id (the credential's <c>sub</c>); also the principal's name.</summary>
    public const string Agent = "execgov:agent";

    /// <summary>The subject id of the human who authorised the credential.</summary>
    public const string Authoriser = "execgov:authoriser";

    /// <summary>The display name of the authoriser, when the credential carries one.</summary>
    public const string AuthoriserName = "execgov:authoriser_name";

    /// <summary>The approval id under which the credential was granted, when present.</summary>
    public const string ApprovalId = "execgov:approval_id";

    /// <summary>The credential id (<c>jti</c>).</summary>
    public const string CredentialId = "execgov:credential_id";

    /// <summary>The session id (<c>sid</c>).</summary>
    public const string SessionId = "execgov:session_id";

    /// <summary>The issuer (<c>iss</c>).</summary>
    public const string Issuer = "execgov:issuer";

    /// <summary>The id of the decision that allowed this request.</summary>
    public const string DecisionId = "execgov:decision_id";

    /// <summary>The action that was allowed.</summary>
    public const string Action = "execgov:action";
}
