namespace ExecGov.Credentials.Issuer.Storage;

/// <summary>
/// What was issued (collection <c>credentials</c>): the claims that matter for tracing, never the signed
/// token itself. Times are Unix seconds, as in the credential.
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

    /// <summary>The status-list index, when a status allocator is registered.</summary>
    public int? StatusIndex { get; set; }

    /// <summary>The status-list URI, when a status allocator is registered.</summary>
    public string? StatusUri { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public string KeyId { get; set; } = string.Empty;
}
