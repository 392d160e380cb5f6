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
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Signing.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Issuance;

/// <summary>
/// Issuance, as a checklist: request shape → agent active → audience allowed → lifetime within the agent's
/// maximum and the hard cap → scope within the ceiling → risk. Low-risk requests are signed at once with the
/// active key and committed durably (credential record and audit record in one transaction) before the answer;
/// consequential ones become pending approvals. A refused request changes nothing.
/// </summary>
internal sealed class CredentialIssuer(
    IssuerStore store,
    AuditLog audit,
    KeyRing keys,
    RiskClassifier risk,
    TimeProvider time,
    IOptions<IssuerOptions> options,
    IStatusIndexAllocator allocator,
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
    /// Signs and durably records one credential. <paramref name="inTransaction"/> runs inside the write
    /// transaction after the agent is re-checked (approval collection marks the approval collected there);
    /// a failure from it rolls everything back.
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
        var key = keys.ActiveKey;
        var now = time.GetUtcNow();
        var issuedAt = now.ToUnixTimeSeconds();
        var expires = issuedAt + lifetime;
        var credentialId = Identifiers.New("cred");
        var session = sessionId ?? Identifiers.New("sess");

        // Every credential gets its status-list index first, durably, so anything handed out can be revoked;
        // a revocation or suspension of its session, agent, authoriser or key refuses it here. A credential whose
        // issuer-side commit then fails leaves an index that nothing uses, which is harmless.
        StatusListReference status;
        try
        {
            status = await allocator.AllocateAsync(new CredentialRegistration
            {
                CredentialId = credentialId,
                SessionId = session,
                AgentId = agent.Id,
                AuthoriserSubject = authoriser.Subject,
                SigningKeyId = key.KeyId,
                HolderKeyThumbprint = agent.KeyThumbprint,
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(expires),
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (IssuanceBlockedException ex)
        {
            return IssuerResult<IssuedCredentialView>.Fail(ErrorCode.IssuanceBlocked, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            return IssuerResult<IssuedCredentialView>.Fail(ErrorCode.RevocationUnavailable, "No status-list index could be allocated; nothing was issued.");
        }

        var claims = new CredentialClaims
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
        };
        var token = CredentialWriter.Sign(claims, key);

        var committed = store.Write<bool>(() =>
        {
            // Re-checked under the write lock: a suspension committed since the policy check wins.
            var current = store.Agents.FindById(agent.Id);
            if (current is null || current.Status != AgentStatus.Active)
            {
                return IssuerResult<bool>.Fail(ErrorCode.AgentNotActive, $"Agent '{agent.Id}' is no longer active.");
            }

            if (inTransaction?.Invoke(credentialId) is { Failed: true } refused)
            {
                return refused;
            }

            store.Credentials.Insert(new CredentialDocument
            {
                Id = credentialId,
                SessionId = session,
                AgentId = agent.Id,
                Audience = [.. audience],
                AuthorizationDetailsJson = JsonSerializer.Serialize(details.ToList(), CredentialJsonContext.Default.ListAuthorizationDetail),
                IssuedAt = issuedAt,
                Expires = expires,
                AuthoriserSubject = authoriser.Subject,
                AuthoriserName = authoriser.Name,
                ApprovalId = authoriser.ApprovalId,
                ApprovedAt = authoriser.ApprovedAt,
                RequestedBy = requestedBy,
                KeyId = key.KeyId,
                StatusIndex = status.Index,
                StatusUri = status.Uri,
            });
            audit.Append(new AuditEntry(AuditEventKinds.CredentialIssued, requestedBy, agent.Id, credentialId, session, authoriser.ApprovalId,
                JsonSerializer.Serialize(new CredentialIssuedDetails(audience, details, issuedAt, expires, lifetime, key.KeyId, authoriser, requestedBy, status),
                    IssuerJsonContext.Default.CredentialIssuedDetails)));
            return true;
        });
        if (committed.Failed)
        {
            return committed.Error;
        }

        IssuerLog.CredentialIssued(logger, credentialId, agent.Id, LogText.Escape(authoriser.Subject)!, key.KeyId);
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
