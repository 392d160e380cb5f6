namespace ExecGov.Credentials.Store;

/// <summary>An admin client of the embedded token server (collection <c>admin_clients</c>); only a hash of its secret is kept.</summary>
internal sealed class AdminClientDocument
{
    public string Id { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>
    /// The person the client acts for, as given at creation (compared case-insensitively). Empty only in
    /// clients stored before persons existed: such a client counts as its own person (its id).
    /// </summary>
    public string Person { get; set; } = string.Empty;

    /// <summary>The PBKDF2 hash of the client secret; null for a client that signs in only with a private_key_jwt assertion.</summary>
    public string? SecretHash { get; set; }

    /// <summary>The client's Ed25519 public key (JWK <c>x</c>, base64url) for private_key_jwt; null when it uses a secret.</summary>
    public string? PublicKey { get; set; }

    public List<string> Roles { get; set; } = [];

    public string CreatedBy { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    /// <summary>When a responder (or an authoriser revocation) disabled the client (Unix milliseconds); null while enabled.</summary>
    public long? DisabledAt { get; set; }

    public string? DisabledBy { get; set; }

    public string? DisabledReason { get; set; }

    /// <summary>The person, or the client id for a client stored before persons existed.</summary>
    public string PersonOrId() => string.IsNullOrEmpty(Person) ? Id : Person;
}
