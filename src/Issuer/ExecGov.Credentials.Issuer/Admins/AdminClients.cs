using System.Text.Json;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Storage;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>Admin clients of the embedded token server: creation (secret shown once) and secret checks.</summary>
internal sealed class AdminClients(IssuerStore store, AuditLog audit, TimeProvider time)
{
    /// <summary>The authenticated client, or null; failures are audited (without the secret).</summary>
    public AdminClientDocument? Authenticate(string? clientId, string? secret)
    {
        var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;
        if (SecretHasher.Verify(secret, client?.SecretHash))
        {
            return client;
        }

        store.Write<bool>(() =>
        {
            audit.Append(new AuditEntry(AuditEventKinds.SignInFailed, Actor: "anonymous",
                Details: JsonSerializer.Serialize(new { client_id = Identifiers.IsValid(clientId) ? clientId : "(malformed)", known_client = client is not null })));
            return true;
        });
        return null;
    }

    public bool Any() => store.AdminClients.Count() > 0;

    /// <summary>Creates a client; returns its secret, which is never stored or shown again.</summary>
    public IssuerResult<string> Create(string clientId, string displayName, IReadOnlyList<string> roles, string createdBy)
    {
        var secret = SecretHasher.NewSecret();
        var hash = SecretHasher.Hash(secret);
        return store.Write<string>(() =>
        {
            if (store.AdminClients.FindById(clientId) is not null)
            {
                return IssuerResult<string>.Fail(IssuerErrorCode.ClientExists, $"Client '{clientId}' already exists.");
            }

            store.AdminClients.Insert(new AdminClientDocument
            {
                Id = clientId,
                DisplayName = displayName,
                SecretHash = hash,
                Roles = [.. roles],
                CreatedBy = createdBy,
                CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            audit.Append(new AuditEntry(AuditEventKinds.AdminClientCreated, createdBy,
                Details: JsonSerializer.Serialize(new { client_id = clientId, roles })));
            return secret;
        });
    }
}
