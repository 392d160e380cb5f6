using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Approvals;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.Policy;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Revocation.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>
/// Issuance, as a checklist: request shape → agent active → audience allowed → lifetime within the agent's
/// maximum and the hard cap → scope within the ceiling → risk. Low-risk requests are issued at once: the status
/// index, the credential record and its audit record commit in one transaction, and the credential is signed
/// inside it, so nothing is handed out before it is durable and a crash leaves either all of it or none.
/// Consequential ones become pending approvals. A refused request changes nothing.
/// </summary>
internal sealed class CredentialIssuer(
    IExecGovStore store,
    AuditLog audit,
    KeyRing keys,
    RiskClassifier risk,
    TimeProvider time,
    IOptions<IssuerOptions> options,
    RevocationRegistry revocations,
    ILogger<CredentialIssuer> logger)
{
    private const int MaxAudiences = 16;
    private readonly IssuerOptions _options = options.Value;

    /// <summary>Checks a request and either issues it or files it for approval.</summary>
    public async Task<IssuerResult<IssuanceOutcome>> RequestAsync(IssuanceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var checkedRequest = Check(command);
        if (checkedRequest.Failed)
        {
            return checkedRequest.Error;
        }

        var (agent, lifetime) = checkedRequest.Value;
        var assessment = risk.Assess(command.AuthorizationDetails, lifetime);
        if (assessment.IsConsequential)
        {
            var pending = FileForApproval(command, agent, lifetime, assessment);
            return pending.Failed ? pending.Error : new IssuanceOutcome(null, pending.Value);
        }

        var authoriser = command.SelfService
            ? new Authoriser
            {
                // A low-risk self-service grant falls under the agent's standing grant: the admin who registered
                // the agent with this ceiling authorised it, and stays the human every decision traces back to.
                Subject = agent.RegisteredBy,
                Name = agent.RegisteredByName,
                ApprovalId = agent.StandingGrantId,
                ApprovedAt = agent.RegisteredAt / 1000,
            }
            : new Authoriser
            {
                Subject = command.RequestedBy,
                Name = command.RequestedByName,
                ApprovedAt = time.GetUtcNow().ToUnixTimeSeconds(),
            };

        var issued = await IssueAsync(agent, command.Audience, command.AuthorizationDetails, lifetime, command.SessionId, authoriser, command.RequestedBy, inTransaction: null, cancellationToken).ConfigureAwait(false);
        return issued.Failed ? issued.Error : new IssuanceOutcome(issued.Value, null);
    }

    /// <summary>The policy checks, without side effects: the agent and the effective lifetime, or why not.</summary>
    public IssuerResult<(AgentDocument Agent, long Lifetime)> Check(IssuanceCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Audience is null || command.Audience.Count is 0 or > MaxAudiences || command.Audience.Any(a => !Identifiers.IsValid(a)) ||
            command.Audience.Distinct(StringComparer.Ordinal).Count() != command.Audience.Count)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.InvalidRequest, $"audience must list 1-{MaxAudiences} distinct audience ids.");
        }

        if (ScopeShape.Check(command.AuthorizationDetails, "authorization_details") is { } badScope)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.InvalidRequest, badScope);
        }

        if (command.SessionId is not null && !Identifiers.IsValid(command.SessionId))
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.InvalidRequest, "session_id must be 1-128 characters of letters, digits, '.', '_', ':' or '-'.");
        }

        if (command.LifetimeSeconds is < 1)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.InvalidRequest, "lifetime_seconds must be positive.");
        }

        var agent = Identifiers.IsValid(command.AgentId) ? store.Agents.FindById(command.AgentId) : null;
        if (agent is null)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.AgentNotFound, $"No agent '{Http.Text.Clip(command.AgentId)}'.");
        }

        if (agent.Status != AgentStatus.Active)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.AgentNotActive, $"Agent '{agent.Id}' is {AgentRegistry.StatusName(agent.Status)}.");
        }

        var outside = command.Audience.FirstOrDefault(a => !agent.AllowedAudiences.Contains(a, StringComparer.Ordinal));
        if (outside is not null)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.AudienceNotAllowed, $"Audience '{outside}' is not allowed for agent '{agent.Id}'; allowed: {string.Join(", ", agent.AllowedAudiences)}.");
        }

        var hardCap = (long)_options.MaxCredentialLifetime.TotalSeconds;
        var lifetime = command.LifetimeSeconds ?? Math.Min((long)_options.DefaultCredentialLifetime.TotalSeconds, agent.MaxLifetimeSeconds);
        if (lifetime > agent.MaxLifetimeSeconds || lifetime > hardCap)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.LifetimeExceedsMaximum,
                $"lifetime_seconds {lifetime} exceeds the maximum of {Math.Min(agent.MaxLifetimeSeconds, hardCap)} for agent '{agent.Id}'.");
        }

        if (ScopeCeiling.FindViolation(AgentRegistry.Ceiling(agent), command.AuthorizationDetails) is { } violation)
        {
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.ScopeExceedsCeiling, violation);
        }

        if (command.SessionId is { } session &&
            store.Credentials.FindOne(c => c.SessionId == session) is { } earlier && !string.Equals(earlier.AgentId, agent.Id, StringComparison.Ordinal))
        {
            // A session is one agent's: reusing another agent's session id would let one revocation hit both.
            return IssuerResult<(AgentDocument, long)>.Fail(ErrorCode.InvalidRequest, $"Session '{session}' belongs to another agent; use a new session id.");
        }

        return (agent, lifetime);
    }

    /// <summary>
    /// Issues one credential in one unit of work: the agent re-checked, <paramref name="inTransaction"/> (approval
    /// collection marks the approval collected there), the status index allocated, the credential signed, the
    /// credential record and its audit record stored. Any failure rolls all of it back: an index is never allocated
    /// without its credential, and the next issuance takes it. The store commits concurrent issuances together.
    /// </summary>
    public async Task<IssuerResult<IssuedCredentialView>> IssueAsync(
        AgentDocument agent,
        IReadOnlyList<string> audience,
        IReadOnlyList<AuthorizationDetail> details,
        long lifetime,
        string? sessionId,
        Authoriser authoriser,
        string requestedBy,
        Func<string, IssuerResult<bool>>? inTransaction,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(authoriser);
        var credentialId = Identifiers.New("cred");
        var session = sessionId ?? Identifiers.New("sess");
        var detailsJson = JsonSerializer.Serialize(details.ToList(), CredentialJsonContext.Default.ListAuthorizationDetail);
        try
        {
            return await store.WriteResultAsync(tx => Issue(tx, agent, audience, details, detailsJson, lifetime, credentialId, session, authoriser, requestedBy, inTransaction), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            return IssuerResult<IssuedCredentialView>.Fail(ErrorCode.RevocationUnavailable, "The store could not commit the credential; nothing was issued.");
        }
    }

    /// <summary>The unit of work of <see cref="IssueAsync"/> (on the store's writer).</summary>
    private IssuerResult<IssuedCredentialView> Issue(
        IStoreTransaction transaction,
        AgentDocument agent,
        IReadOnlyList<string> audience,
        IReadOnlyList<AuthorizationDetail> details,
        string detailsJson,
        long lifetime,
        string credentialId,
        string session,
        Authoriser authoriser,
        string requestedBy,
        Func<string, IssuerResult<bool>>? inTransaction)
    {
        // Re-checked inside the transaction: a suspension committed since the policy check wins.
        var current = store.Agents.FindById(agent.Id);
        if (current is null || current.Status != AgentStatus.Active)
        {
            return IssuerResult<IssuedCredentialView>.Fail(ErrorCode.AgentNotActive, $"Agent '{agent.Id}' is no longer active.");
        }

        if (inTransaction?.Invoke(credentialId) is { Failed: true } refused)
        {
            return refused.Error;
        }

        var key = keys.ActiveKey;
        var issuedAt = time.GetUtcNow().ToUnixTimeSeconds();
        var expires = issuedAt + lifetime;
        var document = new CredentialDocument
        {
            Id = credentialId,
            SessionId = session,
            AgentId = agent.Id,
            Audience = [.. audience],
            AuthorizationDetailsJson = detailsJson,
            IssuedAt = issuedAt,
            Expires = expires,
            AuthoriserSubject = authoriser.Subject,
            AuthoriserName = authoriser.Name,
            ApprovalId = authoriser.ApprovalId,
            ApprovedAt = authoriser.ApprovedAt,
            RequestedBy = requestedBy,
            KeyId = key.KeyId,
            HolderKeyThumbprint = agent.KeyThumbprint,
        };

        // Every credential gets its status-list index with it, so anything handed out can be revoked; a revocation
        // or suspension of its session, agent, authoriser or key refuses it here.
        StatusListReference status;
        try
        {
            status = revocations.Register(transaction, document);
        }
        catch (IssuanceBlockedException ex)
        {
            return IssuerResult<IssuedCredentialView>.Fail(ErrorCode.IssuanceBlocked, ex.Message);
        }

        var token = CredentialWriter.Sign(new CredentialClaims
        {
            Issuer = _options.IssuerId,
            Subject = agent.Id,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            CredentialId = credentialId,
            SessionId = session,
            Confirmation = new Confirmation { KeyThumbprint = agent.KeyThumbprint },
            AuthorizationDetails = details,
            Authoriser = authoriser,
            Status = new StatusClaim { StatusList = status },
        }, key);
        audit.Append(new AuditEntry(AuditEventKinds.CredentialIssued, requestedBy, agent.Id, credentialId, session, authoriser.ApprovalId,
            JsonSerializer.Serialize(new CredentialIssuedDetails(audience, details, issuedAt, expires, lifetime, key.KeyId, authoriser, requestedBy, status),
                IssuerJsonContext.Default.CredentialIssuedDetails)));
        transaction.OnDurable(() => IssuerLog.CredentialIssued(logger, credentialId, agent.Id, LogText.Escape(authoriser.Subject)!, key.KeyId));
        return new IssuedCredentialView
        {
            Credential = token,
            CredentialId = credentialId,
            SessionId = session,
            AgentId = agent.Id,
            Audience = audience,
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(issuedAt),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(expires),
            Authoriser = authoriser,
            Status = status,
        };
    }

    private IssuerResult<PendingApprovalView> FileForApproval(IssuanceCommand command, AgentDocument agent, long lifetime, RiskAssessment assessment)
    {
        var reasons = assessment.Reasons;
        var now = time.GetUtcNow();
        var expires = now + _options.ApprovalTimeToLive;
        var approval = new ApprovalDocument
        {
            Id = Identifiers.New("appr"),
            AgentId = command.AgentId,
            RequestedBy = command.RequestedBy,
            RequestedByName = command.RequestedByName,
            RequestedByPerson = command.RequestedByPerson,
            ExcludedPersons = [.. AgentRegistry.ResponsiblePersons(agent)],
            RequiredApprovals = assessment.RequiredApprovals,
            Audience = [.. command.Audience],
            AuthorizationDetailsJson = JsonSerializer.Serialize(command.AuthorizationDetails.ToList(), CredentialJsonContext.Default.ListAuthorizationDetail),
            LifetimeSeconds = lifetime,
            SessionId = command.SessionId,
            Reasons = [.. reasons],
            Status = ApprovalStatus.Pending,
            CreatedAt = now.ToUnixTimeMilliseconds(),
            ExpiresAt = expires.ToUnixTimeMilliseconds(),
        };
        return store.Write<PendingApprovalView>(() =>
        {
            var current = store.Agents.FindById(command.AgentId);
            if (current is null || current.Status != AgentStatus.Active)
            {
                return IssuerResult<PendingApprovalView>.Fail(ErrorCode.AgentNotActive, $"Agent '{command.AgentId}' is no longer active.");
            }

            store.Approvals.Insert(approval);
            audit.Append(new AuditEntry(AuditEventKinds.ApprovalRequested, command.RequestedBy, command.AgentId, SessionId: command.SessionId, ApprovalId: approval.Id,
                Details: JsonSerializer.Serialize(new ApprovalRequestedDetails(command.Audience, command.AuthorizationDetails, lifetime, reasons, expires.ToUnixTimeSeconds(), assessment.RequiredApprovals),
                    IssuerJsonContext.Default.ApprovalRequestedDetails)));
            return new PendingApprovalView { ApprovalId = approval.Id, Status = "pending", ExpiresAt = expires, Reasons = reasons, RequiredApprovals = approval.RequiredApprovals };
        });
    }
}
