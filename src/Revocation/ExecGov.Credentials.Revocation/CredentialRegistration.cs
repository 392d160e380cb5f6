namespace ExecGov.Credentials.Revocation;

/// <summary>What the revocation registry records about a credential when it is issued.</summary>
public sealed record CredentialRegistration
{
    /// <summary>The credential id (<c>jti</c>).</summary>
    public required string CredentialId { get; init; }

    /// <summary>The session id (<c>sid</c>).</summary>
    public required string SessionId { get; init; }

    /// <summary>The agent id (<c>sub</c>).</summary>
    public required string AgentId { get; init; }

    /// <summary>The subject of the person who authorised it.</summary>
    public required string AuthoriserSubject { get; init; }

    /// <summary>The <c>kid</c> of the key that signs it.</summary>
    public required string SigningKeyId { get; init; }

    /// <summary>
    /// The thumbprint its holder's proofs are bound to (<c>cnf.jkt</c>); a <see cref="RevocationScope.HolderKey"/> act
    /// selects by it. Null only for a credential without key binding.
    /// </summary>
    public string? HolderKeyThumbprint { get; init; }

    /// <summary>Its expiry.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
