using System.Buffers.Text;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Approvals;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.SignIn;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>
/// Admin clients of the embedded token server: creation (a secret answered once, or a registered public key
/// for private_key_jwt), role changes, disabling and enabling, listing, and the sign-in checks. Secrets are kept
/// only as PBKDF2 hashes. Every client names the person it acts for; no client holds both <c>admin</c> and
/// <c>approver</c>, and granting <c>approver</c> waits for an existing approver (another person). Every change
/// and every sign-in, failed or not, is audited.
/// </summary>
internal sealed class AdminClients(IExecGovStore store, AuditLog audit, AnonymousFailureLimiter anonymousFailures, TimeProvider time, IOptions<IssuerOptions> options)
{
    public const string SecretMethod = "client_secret";
    public const string KeyMethod = "private_key_jwt";

    /// <summary>How far <see cref="CheckActive"/> follows the <c>created_by</c> chain.</summary>
    private const int MaxCreatorDepth = 32;

    private const int MaxReasonLength = 500;

    /// <summary>Checks a client id and secret; audits the outcome. Null when refused.</summary>
    public AdminClientDocument? AuthenticateWithSecret(string? clientId, string? secret)
    {
        var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;

        // Verify even when the client is unknown or keyless (against a dummy hash) so timing tells nothing.
        var ok = SecretHasher.Verify(secret, client?.SecretHash);
        var refusal = client is null ? "unknown_client" : !ok ? "bad_secret" : InactiveReason(client);
        RecordSignIn(clientId, SecretMethod, refusal);
        return refusal is null ? client : null;
    }

    /// <summary>The client whose private_key_jwt assertion OpenIddict already verified; audits the outcome.</summary>
    public AdminClientDocument? AuthenticateWithAssertion(string? clientId, bool assertionValid)
    {
        var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;
        var refusal = client is null ? "unknown_client" : !assertionValid || client.PublicKey is null ? "bad_assertion" : InactiveReason(client);
        RecordSignIn(clientId, KeyMethod, refusal);
        return refusal is null ? client : null;
    }

    /// <summary>
    /// The check on every admin API request (not only at sign-in): the client still exists, is enabled, and no
    /// client in its <c>created_by</c> chain is disabled. Returns the current client, or why it is refused.
    /// </summary>
    public (AdminClientDocument? Client, string? Refusal) CheckActive(string? clientId)
    {
        var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;
        if (client is null)
        {
            return (null, "unknown_client");
        }

        var refusal = InactiveReason(client);
        return refusal is null ? (client, null) : (null, refusal);
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
                return IssuerResult<bool>.Fail(ErrorCode.AssertionReplayed);
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

    /// <summary>
    /// Creates a client. A secret-based client's secret is in the answer and nowhere else. A client with the
    /// approver role must register a public key (whoever creates it must not hold its secret) and is created only
    /// once approvers other than the requester and the new client's person approve it.
    /// </summary>
    public IssuerResult<AdminClientOutcome> Create(CreateAdminClientRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (!Identifiers.IsValid(request.ClientId))
        {
            return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidRequest, "client_id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'.");
        }

        if (Persons.IsReservedClientId(request.ClientId))
        {
            return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidRequest,
                "client_id must not start with 'agent:' or 'oidc:' nor be 'issuer', 'anonymous' or 'system': those subjects are reserved.");
        }

        if (Text.Invalid(request.DisplayName, 200) is { } badName)
        {
            return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidRequest, "display_name " + badName);
        }

        if (!Persons.IsValid(request.Person))
        {
            return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidRequest,
                $"person must be 1-{Persons.MaxLength} characters of letters, digits and . _ : @ / # + -, starting with a letter or digit (e.g. ines.duarte or oidc:https://idp.example#248289761001).");
        }

        if (CheckRoles(request.Roles) is { } badRoles)
        {
            return badRoles;
        }

        string? publicKey = null;
        if (request.PublicKey is not null)
        {
            if (!PublicKeys.TryRead(request.PublicKey, out var raw, out var keyError))
            {
                return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidClientKey, keyError);
            }

            publicKey = Base64Url.EncodeToString(raw);
        }

        if (!request.Roles.Contains(AdminRoles.Approver, StringComparer.Ordinal))
        {
            var created = CreateCore(request.ClientId, request.DisplayName, request.Person, request.Roles, publicKey, caller.Subject);
            return created.Failed ? created.Error : new AdminClientOutcome(created.Value, null);
        }

        if (publicKey is null)
        {
            return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidRequest,
                "A client with the approver role must sign in with its own key: send public_key (the approver keeps the private key), not a secret that its creator would see.");
        }

        var pending = new PendingAdminClient(PendingAdminClient.Create, request.ClientId, request.DisplayName, request.Person, [.. request.Roles], publicKey);
        return store.Write<AdminClientOutcome>(() => store.AdminClients.FindById(request.ClientId) is not null
            ? IssuerResult<AdminClientOutcome>.Fail(ErrorCode.ClientExists, $"Client '{request.ClientId}' already exists.")
            : new AdminClientOutcome(null, FileForApproval(pending, caller)));
    }

    /// <summary>Replaces a client's roles. Adding approver waits for approvers, as at creation; anything else applies at once.</summary>
    public IssuerResult<AdminClientOutcome> ChangeRoles(string clientId, ChangeRolesRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (CheckRoles(request.Roles) is { } badRoles)
        {
            return badRoles;
        }

        return store.Write<AdminClientOutcome>(() =>
        {
            var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;
            if (client is null)
            {
                return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.AdminClientNotFound, $"No admin client '{Text.Clip(clientId)}'.");
            }

            var addsApprover = request.Roles.Contains(AdminRoles.Approver, StringComparer.Ordinal) && !client.Roles.Contains(AdminRoles.Approver, StringComparer.Ordinal);
            if (!addsApprover)
            {
                return new AdminClientOutcome(ApplyRolesInTransaction(client, request.Roles, caller.Subject, approvalId: null), null);
            }

            if (client.PublicKey is null)
            {
                return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidRequest,
                    $"Client '{clientId}' signs in with a secret; the approver role needs a client with its own key (create one with public_key).");
            }

            var pending = new PendingAdminClient(PendingAdminClient.RoleChange, client.Id, client.DisplayName, client.PersonOrId(), [.. request.Roles], client.PublicKey);
            return new AdminClientOutcome(null, FileForApproval(pending, caller));
        });
    }

    /// <summary>Disables or re-enables a client; a disabled client is refused on its next request. Audited.</summary>
    public IssuerResult<AdminClientView> SetDisabled(string clientId, bool disable, AdminClientStateRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (Text.Invalid(request.Reason, MaxReasonLength) is { } badReason)
        {
            return IssuerResult<AdminClientView>.Fail(ErrorCode.InvalidRequest, "reason " + badReason);
        }

        return store.Write<AdminClientView>(() =>
        {
            var client = Identifiers.IsValid(clientId) ? store.AdminClients.FindById(clientId) : null;
            if (client is null)
            {
                return IssuerResult<AdminClientView>.Fail(ErrorCode.AdminClientNotFound, $"No admin client '{Text.Clip(clientId)}'.");
            }

            if (disable)
            {
                DisableInTransaction(client, caller.Subject, request.Reason);
            }
            else if (client.DisabledAt is not null)
            {
                client.DisabledAt = null;
                client.DisabledBy = null;
                client.DisabledReason = null;
                store.AdminClients.Update(client);
                AppendChange(AuditEventKinds.AdminClientEnabled, caller.Subject, client, request.Reason, approvalId: null);
            }

            return ToView(client, null);
        });
    }

    /// <summary>
    /// Inside a write transaction: disables every client acting for the person behind <paramref name="subject"/>
    /// (the client with that id, and every client of the same person). Used when an authoriser is revoked.
    /// </summary>
    internal int DisablePersonInTransaction(string subject, string actor, string reason)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var direct = Identifiers.IsValid(subject) ? store.AdminClients.FindById(subject) : null;
        var person = direct?.PersonOrId() ?? subject;
        var count = 0;
        foreach (var client in store.AdminClients.FindAll().Where(c => Persons.Same(c.PersonOrId(), person) || c.Id == subject).ToList())
        {
            if (client.DisabledAt is null)
            {
                DisableInTransaction(client, actor, reason);
                count++;
            }
        }

        return count;
    }

    /// <summary>Inside a write transaction: applies an approved admin-client change (creation or roles).</summary>
    internal IssuerResult<AdminClientView> ApplyApprovedInTransaction(PendingAdminClient pending, string approvalId, string requestedBy)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Change == PendingAdminClient.RoleChange)
        {
            var client = store.AdminClients.FindById(pending.ClientId);
            return client is null
                ? IssuerResult<AdminClientView>.Fail(ErrorCode.AdminClientNotFound, $"Admin client '{pending.ClientId}' no longer exists.")
                : ApplyRolesInTransaction(client, pending.Roles, requestedBy, approvalId);
        }

        return InsertInTransaction(NewDocument(pending.ClientId, pending.DisplayName, pending.Person, pending.Roles, pending.PublicKey, requestedBy, secret: null), null, approvalId);
    }

    internal IssuerResult<AdminClientView> CreateCore(string clientId, string displayName, string person, IReadOnlyList<string> roles, string? publicKey, string createdBy, string? presetSecret = null)
    {
        var secret = publicKey is null ? presetSecret ?? SecretHasher.NewSecret() : null;
        var document = NewDocument(clientId, displayName, person, roles, publicKey, createdBy, secret);
        return store.Write<AdminClientView>(() => InsertInTransaction(document, secret, approvalId: null));
    }

    /// <summary>Creates the bootstrap clients in one transaction, so a crash never leaves one without the other.</summary>
    internal IssuerResult<bool> CreateBootstrap(IReadOnlyList<(string ClientId, string DisplayName, string Person, IReadOnlyList<string> Roles, string Secret)> clients) =>
        store.Write<bool>(() =>
        {
            foreach (var c in clients)
            {
                var created = InsertInTransaction(NewDocument(c.ClientId, c.DisplayName, c.Person, c.Roles, null, "issuer", c.Secret), c.Secret, approvalId: null);
                if (created.Failed)
                {
                    return created.Error;
                }
            }

            return true;
        });

    /// <summary>Audits a sign-in refused before the client checks ran.</summary>
    public void RecordFailure(string? clientId, string method, string reason) => RecordSignIn(clientId, method, reason);

    private static IssuerResult<AdminClientOutcome>? CheckRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0 || roles.Any(r => !AdminRoles.All.Contains(r, StringComparer.Ordinal)) ||
            roles.Distinct(StringComparer.Ordinal).Count() != roles.Count)
        {
            return IssuerResult<AdminClientOutcome>.Fail(ErrorCode.InvalidRequest, $"roles must list distinct roles from: {string.Join(", ", AdminRoles.All)}.");
        }

        return AdminRoles.Conflict(roles) is { } conflict ? IssuerResult<AdminClientOutcome>.Fail(ErrorCode.RolesConflict, conflict) : (IssuerResult<AdminClientOutcome>?)null;
    }

    private AdminClientDocument NewDocument(string clientId, string displayName, string person, IReadOnlyList<string> roles, string? publicKey, string createdBy, string? secret) => new()
    {
        Id = clientId,
        DisplayName = displayName,
        Person = person,
        SecretHash = secret is null ? null : SecretHasher.Hash(secret),
        PublicKey = publicKey,
        Roles = [.. roles],
        CreatedBy = createdBy,
        CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
    };

    private IssuerResult<AdminClientView> InsertInTransaction(AdminClientDocument document, string? secret, string? approvalId)
    {
        if (store.AdminClients.FindById(document.Id) is not null)
        {
            return IssuerResult<AdminClientView>.Fail(ErrorCode.ClientExists, $"Client '{document.Id}' already exists.");
        }

        var thumbprint = document.PublicKey is null ? null : Jwk.Ed25519Thumbprint(Base64Url.DecodeFromChars(document.PublicKey));
        store.AdminClients.Insert(document);
        audit.Append(new AuditEntry(AuditEventKinds.AdminClientCreated, document.CreatedBy, ApprovalId: approvalId,
            Details: JsonSerializer.Serialize(
                new AdminClientCreatedDetails(document.Id, document.DisplayName, document.Person, document.Roles, document.PublicKey is null ? SecretMethod : KeyMethod, thumbprint, approvalId),
                IssuerJsonContext.Default.AdminClientCreatedDetails)));
        return ToView(document, secret);
    }

    private AdminClientView ApplyRolesInTransaction(AdminClientDocument client, IReadOnlyList<string> roles, string actor, string? approvalId)
    {
        client.Roles = [.. roles];
        store.AdminClients.Update(client);
        AppendChange(AuditEventKinds.AdminClientRolesChanged, actor, client, reason: null, approvalId);
        return ToView(client, null);
    }

    private void DisableInTransaction(AdminClientDocument client, string actor, string reason)
    {
        if (client.DisabledAt is not null)
        {
            return;
        }

        client.DisabledAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        client.DisabledBy = actor;
        client.DisabledReason = reason;
        store.AdminClients.Update(client);
        AppendChange(AuditEventKinds.AdminClientDisabled, actor, client, reason, approvalId: null);
    }

    private void AppendChange(string kind, string actor, AdminClientDocument client, string? reason, string? approvalId) =>
        audit.Append(new AuditEntry(kind, actor, ApprovalId: approvalId,
            Details: JsonSerializer.Serialize(new AdminClientChangedDetails(client.Id, client.PersonOrId(), client.Roles, reason, approvalId), IssuerJsonContext.Default.AdminClientChangedDetails)));

    /// <summary>Inside a write transaction: files an approval request for a change that grants the approver role.</summary>
    private PendingApprovalView FileForApproval(PendingAdminClient pending, Caller caller)
    {
        var now = time.GetUtcNow();
        var reason = pending.Change == PendingAdminClient.Create
            ? $"a new client '{pending.ClientId}' with the approver role needs an approver's approval"
            : $"adding the approver role to '{pending.ClientId}' needs an approver's approval";
        var approval = new ApprovalDocument
        {
            Id = Identifiers.New("appr"),
            Kind = ApprovalDocument.AdminClientKind,
            RequestedBy = caller.Subject,
            RequestedByName = caller.Name,
            RequestedByPerson = caller.Person,
            ExcludedPersons = [pending.Person],
            RequiredApprovals = 1,
            AdminClientJson = JsonSerializer.Serialize(pending, IssuerJsonContext.Default.PendingAdminClient),
            Reasons = [reason],
            Status = ApprovalStatus.Pending,
            CreatedAt = now.ToUnixTimeMilliseconds(),
            ExpiresAt = (now + options.Value.ApprovalTimeToLive).ToUnixTimeMilliseconds(),
        };
        store.Approvals.Insert(approval);
        audit.Append(new AuditEntry(AuditEventKinds.ApprovalRequested, caller.Subject, ApprovalId: approval.Id,
            Details: JsonSerializer.Serialize(new AdminClientChangedDetails(pending.ClientId, pending.Person, pending.Roles, reason, approval.Id), IssuerJsonContext.Default.AdminClientChangedDetails)));
        return new PendingApprovalView { ApprovalId = approval.Id, Status = "pending", ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(approval.ExpiresAt), Reasons = approval.Reasons };
    }

    /// <summary>Null when the client may act; otherwise why not (it, or a client in its creator chain, is disabled).</summary>
    private string? InactiveReason(AdminClientDocument client)
    {
        if (client.DisabledAt is not null)
        {
            return "client_disabled";
        }

        var creator = client.CreatedBy;
        for (var depth = 0; depth < MaxCreatorDepth && Identifiers.IsValid(creator) && !string.Equals(creator, "issuer", StringComparison.Ordinal); depth++)
        {
            var parent = store.AdminClients.FindById(creator);
            if (parent is null)
            {
                // Created by an external identity (its subject is no client here) or by a deleted client.
                return null;
            }

            if (parent.DisabledAt is not null)
            {
                return "creator_disabled";
            }

            creator = parent.CreatedBy;
        }

        return null;
    }

    private void RecordSignIn(string? clientId, string method, string? failure)
    {
        var shownId = Identifiers.IsValid(clientId) ? clientId! : "(malformed)";
        var details = JsonSerializer.Serialize(new SignInDetails(shownId, method, failure), IssuerJsonContext.Default.SignInDetails);
        if (failure is not null)
        {
            // Anyone can fail a sign-in: these are written at a bounded rate, not one durable write each.
            anonymousFailures.Record(AuditEventKinds.SignInFailed, details);
            return;
        }

        store.Write<bool>(() =>
        {
            audit.Append(new AuditEntry(AuditEventKinds.SignInSucceeded, shownId, Details: details));
            return true;
        });
    }

    private static AdminClientView ToView(AdminClientDocument client, string? secret) => new()
    {
        ClientId = client.Id,
        DisplayName = client.DisplayName,
        Person = client.PersonOrId(),
        Roles = client.Roles,
        AuthMethod = client.PublicKey is null ? SecretMethod : KeyMethod,
        KeyThumbprint = client.PublicKey is { } x ? Jwk.Ed25519Thumbprint(Base64Url.DecodeFromChars(x)) : null,
        CreatedBy = client.CreatedBy,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(client.CreatedAt),
        State = client.DisabledAt is null ? "enabled" : "disabled",
        DisabledAt = client.DisabledAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
        DisabledBy = client.DisabledBy,
        DisabledReason = client.DisabledReason,
        ClientSecret = secret,
    };
}
