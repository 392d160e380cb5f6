namespace ExecGov.Credentials.Store;

/// <summary>
/// One issued credential (collection <c>credentials</c>, <c>_id</c> = credential id): the claims that matter for
/// tracing, never the signed token itself, and where its status lives. Written once, in the transaction that
/// allocates its status index and appends its <c>credential_issued</c> audit record; afterwards only
/// <see cref="Status"/> changes, in the transaction of the revocation act that changed it. Times are Unix seconds,
/// as in the credential.
/// </summary>
internal sealed class CredentialDocument
{
    public string Id { get; set; } = string.Empty;

    public string SessionId { get; set; } = string.Empty;

    public string AgentId { get; set; } = string.Empty;

    public List<string> Audience { get; set; } = [];

    public string AuthorizationDetailsJson { get; set; } = "[]";

    public long IssuedAt { get; set; }

    public long Expires { get; set; }

    public string AuthoriserSubject { get; set; } = string.Empty;

    public string? AuthoriserName { get; set; }

    public string? ApprovalId { get; set; }

    /// <summary>When the authoriser granted it (Unix seconds): the approval decision or the standing grant.</summary>
    public long ApprovedAt { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    /// <summary>The <c>kid</c> of the key that signed it; a <c>signing_key</c> act selects by it.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>The holder key's thumbprint (<c>cnf.jkt</c>); a <c>holder_key</c> act selects by it. Null without key binding.</summary>
    public string? HolderKeyThumbprint { get; set; }

    /// <summary>The status list that holds its entry.</summary>
    public int ListId { get; set; }

    /// <summary>Its index in that list (<c>status.status_list.idx</c>).</summary>
    public int StatusIndex { get; set; }

    /// <summary>The list's URI (<c>status.status_list.uri</c>), as written into the credential.</summary>
    public string StatusUri { get; set; } = string.Empty;

    /// <summary>The 2-bit status value (0 valid, 1 invalid, 2 suspended): the truth the published lists are rebuilt from.</summary>
    public int Status { get; set; }
}
