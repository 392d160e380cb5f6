using System.Buffers.Text;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Storage;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>
/// Admin clients of the embedded token server: creation (a secret answered once, or a registered public key
/// for private_key_jwt), listing, and the sign-in checks. Secrets are kept only as PBKDF2 hashes. Every
/// creation and every sign-in, failed or not, is audited.
/// </summary>
internal sealed class AdminClients(IssuerStore store, AuditLog audit, TimeProvider time, IOptions<IssuerOptions> options)
{
    public const string SecretMethod = "client_secret";
    public const string KeyMethod = "private_key_jwt";

    /// <summary>Checks a client id and secret; audits the outcome. Null when refused.</summary>
    public AdminClientDocument? AuthenticateWithSecret(string? clientId, string? secret)
    {
        var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;

        // Verify even when the client is unknown or keyless (against a dummy hash) so timing tells nothing.
        var ok = SecretHasher.Verify(secret, client?.SecretHash);
        RecordSignIn(clientId, SecretMethod, ok && client is not null ? null : client is null ? "unknown_client" : "bad_secret");
        return ok ? client : null;
    }

    /// <summary>The client whose private_key_jwt assertion OpenIddict already verified; audits the outcome.</summary>
    public AdminClientDocument? AuthenticateWithAssertion(string? clientId, bool assertionValid)
    {
        var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;
        var ok = assertionValid && client?.PublicKey is not null;
        RecordSignIn(clientId, KeyMethod, ok ? null : client is null ? "unknown_client" : "bad_assertion");
        return ok ? client : null;
    }

    /// <summary>
    /// Records a client assertion's <c>jti</c> until it expires; false when the assertion lives longer than
    /// <see cref="IssuerOptions.MaxAssertionLifetime"/>, has no <c>jti</c>, or its <c>jti</c> was seen before.
    /// </summary>
    public bool TryRememberAssertion(string? clientId, string? jti, DateTimeOffset expires)
    {
        var now = time.GetUtcNow();
        if (!Identifiers.IsValid(clientId) || jti is not { Length: > 0 and <= 128 } || expires - now > options.Value.MaxAssertionLifetime + options.Value.ClockSkew)
        {
            return false;
        }

        var key = $"client {clientId} {jti}";
        return !store.Write<bool>(() =>
        {
            if (store.UsedAssertions.FindById(key) is not null)
            {
                return IssuerResult<bool>.Fail(IssuerErrorCode.AssertionReplayed);
            }

            store.UsedAssertions.Insert(new UsedAssertionDocument { Id = key, ExpiresAt = (expires + options.Value.ClockSkew).ToUnixTimeMilliseconds() });
            return true;
        }).Failed;
    }

    /// <summary>The registered Ed25519 key of a private_key_jwt client, or null.</summary>
    public Ed25519SecurityKey? FindPublicKey(string? clientId)
    {
        var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;
        return client?.PublicKey is { } x ? new Ed25519SecurityKey(Base64Url.DecodeFromChars(x)) : null;
    }

    public bool Any() => store.AdminClients.Count() > 0;

    public IReadOnlyList<AdminClientView> List() => store.AdminClients.FindAll().OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => ToView(c, null)).ToList();

    /// <summary>Creates a client. A secret-based client's secret is in the answer and nowhere else.</summary>
    public IssuerResult<AdminClientView> Create(CreateAdminClientRequest request, string createdBy)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Identifiers.IsValid(request.ClientId))
        {
            return IssuerResult<AdminClientView>.Fail(IssuerErrorCode.InvalidRequest, "client_id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'.");
        }

        if (Text.Invalid(request.DisplayName, 200) is { } badName)
        {
            return IssuerResult<AdminClientView>.Fail(IssuerErrorCode.InvalidRequest, "display_name " + badName);
        }

        if (request.Roles.Count == 0 || request.Roles.Any(r => !AdminRoles.All.Contains(r, StringComparer.Ordinal)) ||
            request.Roles.Distinct(StringComparer.Ordinal).Count() != request.Roles.Count)
        {
            return IssuerResult<AdminClientView>.Fail(IssuerErrorCode.InvalidRequest, $"roles must list distinct roles from: {string.Join(", ", AdminRoles.All)}.");
        }

        string? publicKey = null;
        if (request.PublicKey is not null)
        {
            if (!PublicKeys.TryRead(request.PublicKey, out var raw, out var keyError))
            {
                return IssuerResult<AdminClientView>.Fail(IssuerErrorCode.InvalidClientKey, keyError);
            }

            publicKey = Base64Url.EncodeToString(raw);
        }

        return CreateCore(request.ClientId, request.DisplayName, request.Roles, publicKey, createdBy);
    }

    internal IssuerResult<AdminClientView> CreateCore(string clientId, string displayName, IReadOnlyList<string> roles, string? publicKey, string createdBy, string? presetSecret = null)
    {
        var secret = publicKey is null ? presetSecret ?? SecretHasher.NewSecret() : null;
        var document = new AdminClientDocument
        {
            Id = clientId,
            DisplayName = displayName,
            SecretHash = secret is null ? null : SecretHasher.Hash(secret),
            PublicKey = publicKey,
            Roles = [.. roles],
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var thumbprint = publicKey is null ? null : Jwk.Ed25519Thumbprint(Base64Url.DecodeFromChars(publicKey));
        return store.Write<AdminClientView>(() =>
        {
            if (store.AdminClients.FindById(clientId) is not null)
            {
                return IssuerResult<AdminClientView>.Fail(IssuerErrorCode.ClientExists, $"Client '{clientId}' already exists.");
            }

            store.AdminClients.Insert(document);
            audit.Append(new AuditEntry(AuditEventKinds.AdminClientCreated, createdBy,
                Details: JsonSerializer.Serialize(new AdminClientCreatedDetails(clientId, displayName, roles, publicKey is null ? SecretMethod : KeyMethod, thumbprint),
                    IssuerJsonContext.Default.AdminClientCreatedDetails)));
            return ToView(document, secret);
        });
    }

    /// <summary>Audits a sign-in refused before the client checks ran.</summary>
    public void RecordFailure(string? clientId, string method, string reason) => RecordSignIn(clientId, method, reason);

    private void RecordSignIn(string? clientId, string method, string? failure) =>
        store.Write<bool>(() =>
        {
            var shownId = Identifiers.IsValid(clientId) ? clientId! : "(malformed)";
            audit.Append(new AuditEntry(failure is null ? AuditEventKinds.SignInSucceeded : AuditEventKinds.SignInFailed,
                failure is null ? shownId : "anonymous",
                Details: JsonSerializer.Serialize(new SignInDetails(shownId, method, failure), IssuerJsonContext.Default.SignInDetails)));
            return true;
        });

    private static AdminClientView ToView(AdminClientDocument client, string? secret) => new()
    {
        ClientId = client.Id,
        DisplayName = client.DisplayName,
        Roles = client.Roles,
        AuthMethod = client.PublicKey is null ? SecretMethod : KeyMethod,
        KeyThumbprint = client.PublicKey is { } x ? Jwk.Ed25519Thumbprint(Base64Url.DecodeFromChars(x)) : null,
        CreatedBy = client.CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(client.CreatedAt),
        ClientSecret = secret,
    };
}
