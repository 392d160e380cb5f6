namespace ExecGov.Credentials.Store;

/// <summary>A registered agent as stored in LiteDB (collection <c>agents</c>). Times are Unix milliseconds.</summary>
internal sealed class AgentDocument
{
    public string Id { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    /// <summary>The Ed25519 public key, base64url (the JWK <c>x</c>).</summary>
    public string PublicKey { get; set; } = string.Empty;

    public string KeyThumbprint { get; set; } = string.Empty;

    public List<string> AllowedAudiences { get; set; } = [];

    /// <summary>The scope ceiling as JSON (a list of authorization details), in the credential format.</summary>
    public string CeilingJson { get; set; } = "[]";

    public long MaxLifetimeSeconds { get; set; }

    public AgentStatus Status { get; set; }

    public string RegisteredBy { get; set; } = string.Empty;

    public string? RegisteredByName { get; set; }

    /// <summary>The person of the registering admin; empty in older records, where <see cref="RegisteredBy"/> stands for it.</summary>
    public string RegisteredByPerson { get; set; } = string.Empty;

    /// <summary>The person who last set the scope ceiling (today: the registrant); neither may approve this agent's requests.</summary>
    public string CeilingSetByPerson { get; set; } = string.Empty;

    public long RegisteredAt { get; set; }

    /// <summary>The standing grant under which low-risk self-service credentials are issued; its approver is the registering admin.</summary>
    public string StandingGrantId { get; set; } = string.Empty;

    public long UpdatedAt { get; set; }

    /// <summary>
    /// When an agent-scope revocation covered the agent (Unix milliseconds), else null. Revocation is final: a
    /// revoked agent stays suspended and is never resumed.
    /// </summary>
    public long? RevokedAt { get; set; }

    /// <summary>
    /// The revocation act that last set <see cref="Status"/> (0 when none did), written in that act's transaction.
    /// </summary>
    public long StateActId { get; set; }
}
