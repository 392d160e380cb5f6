namespace ExecGov.Credentials.Revocation.Storage;

/// <summary>
/// A registered credential (collection <c>credentials</c>, <c>_id</c> = credential id): where its status
/// lives and what an act can select it by. <see cref="Status"/> is the truth the published lists are rebuilt
/// from after a restart.
/// </summary>
internal sealed class CredentialDocument
{
    public string Id { get; set; } = string.Empty;

    public string SessionId { get; set; } = string.Empty;

    public string AgentId { get; set; } = string.Empty;

    public string AuthoriserSubject { get; set; } = string.Empty;

    public string SigningKeyId { get; set; } = string.Empty;

    /// <summary>The holder key's thumbprint (<c>cnf.jkt</c>); null when the registration named none.</summary>
    public string? HolderKeyThumbprint { get; set; }

    /// <summary>Unix seconds.</summary>
    public long ExpiresAt { get; set; }

    public int ListId { get; set; }

    public int Index { get; set; }

    /// <summary>The 2-bit status value (0 valid, 1 invalid, 2 suspended).</summary>
    public int Status { get; set; }
}
