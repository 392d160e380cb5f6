namespace ExecGov.Credentials.Store;

/// <summary>An agent assertion id seen within its validity (collection <c>used_assertions</c>), for replay refusal.</summary>
internal sealed class UsedAssertionDocument
{
    /// <summary><c>{agent id} {jti}</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Unix milliseconds after which the record may be pruned.</summary>
    public long ExpiresAt { get; set; }
}
