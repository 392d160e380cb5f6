using ExecGov.Credentials.Issuer.Http;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The body of <c>POST /v1/admin-clients</c>.</summary>
internal sealed record CreateAdminClientRequest
{
    public required string ClientId { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The person the client acts for (see <see cref="Persons"/>); four-eyes compares persons.</summary>
    public required string Person { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>An Ed25519 public JWK: the client then signs in with private_key_jwt and gets no secret. Required for the approver role.</summary>
    public JwkInput? PublicKey { get; init; }
}
