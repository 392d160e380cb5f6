namespace ExecGov.Credentials.Store;

/// <summary>
/// A revoked or suspended session, agent, authoriser or signing key (collection <c>blocks</c>,
/// <c>_id</c> = "scope:target"): refuses later allocation under it. Revocation blocks are permanent;
/// suspension blocks are lifted by an unsuspend act.
/// </summary>
internal sealed class BlockDocument
{
    public string Id { get; set; } = string.Empty;

    public string Scope { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public long ActId { get; set; }
}
