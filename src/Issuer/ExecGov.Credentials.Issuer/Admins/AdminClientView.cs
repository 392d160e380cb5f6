namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>An admin client as listed; a secret is never shown except once, in <see cref="ClientSecret"/> on creation.</summary>
internal sealed record AdminClientView
{
    public required string ClientId { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The person the client acts for.</summary>
    public required string Person { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary><c>client_secret</c> or <c>private_key_jwt</c>.</summary>
    public required string AuthMethod { get; init; }

    public string? KeyThumbprint { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public required string State { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }

    public string? DisabledBy { get; init; }

    public string? DisabledReason { get; init; }

    /// <summary>Only in the answer to its creation, and only for secret-based clients.</summary>
    public string? ClientSecret { get; init; }
}
