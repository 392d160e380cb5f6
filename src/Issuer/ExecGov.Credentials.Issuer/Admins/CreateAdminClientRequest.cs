using ExecGov.Credentials.Issuer.Http;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>The body of <c>POST /v1/admin-clients</c>.</summary>
internal sealed record CreateAdminClientRequest
{
    public required string ClientId { get; init; }

    public required string DisplayName { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>An Ed25519 public JWK: the client then signs in with private_key_jwt and gets no secret.</summary>
    public JwkInput? PublicKey { get; init; }
}
