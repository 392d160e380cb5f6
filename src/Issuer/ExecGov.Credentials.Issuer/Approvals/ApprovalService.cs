using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>
/// Consequential requests and their human decisions. Approvers who are other persons than the requester (and
/// than those responsible for the agent) approve or deny while the request is pending and unexpired, as many
/// distinct persons as the policy requires; the requester then collects the credential once, signed
/// with the approver as authoriser. Expiry is read from the clock, so a request nobody decided simply lapses.
/// </summary>
internal sealed class ApprovalService(IExecGovStore store, AuditLog audit, CredentialIssuer issuer, AdminClients clients, TimeProvider time, IOptions<IssuerOptions> options)
{
    private const int MaxListed = 1000;

    public IReadOnlyList<ApprovalView> List(string? status)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        IEnumerable<ApprovalDocument> query = status switch
        {
            "pending" => store.Approvals.Find(a => a.Status == ApprovalStatus.Pending && a.ExpiresAt > now),
            "approved" => store.Approvals.Find(a => a.Status == ApprovalStatus.Approved && a.ExpiresAt > now),
            "denied" => store.Approvals.Find(a => a.Status == ApprovalStatus.Denied),
            "collected" => store.Approvals.Find(a => a.Status == ApprovalStatus.Collected),
            "expired" => store.Approvals.Find(a => (a.Status == ApprovalStatus.Pending || a.Status == ApprovalStatus.Approved) && a.ExpiresAt <= now),
            _ => store.Approvals.FindAll(),
        };
        return query.OrderBy(a => a.CreatedAt).Take(MaxListed).Select(a => ToView(a, now)).ToList();
    }

    public static bool IsKnownStatus(string? status) => status is null or "pending" or "approved" or "denied" or "collected" or "expired";

    public IssuerResult<ApprovalView> Get(string id)
    {
        var approval = Identifiers.IsValid(id) ? store.Approvals.FindById(id) : null;
        return approval is null
            ? IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalNotFound, $"No approval request '{Text.Clip(id)}'.")
            : ToView(approval, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Approves or denies a pending request. Four-eyes compares persons: the requester's person, the persons
    /// responsible for the agent (its registrant and ceiling setter) or granted by the request (a new approver
    /// client's person), and anyone who already approved it cannot decide it. One denial ends the request; it is
    /// approved when <see cref="ApprovalDocument.RequiredApprovals"/> distinct persons approved it. An approved
    /// admin-client request is applied at once (status <c>collected</c>).
    /// </summary>
    public IssuerResult<ApprovalView> Decide(string id, bool approve, string? reason, Caller approver)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (reason is not null && Text.Invalid(reason, AgentRegistry.MaxReasonLength) is { } badReason)
        {
            return IssuerResult<ApprovalView>.Fail(ErrorCode.InvalidRequest, "reason " + badReason);
        }

        if (!Identifiers.IsValid(id))
        {
            return IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalNotFound, $"No approval request '{Text.Clip(id)}'.");
        }

        return store.Write<ApprovalView>(() =>
        {
            var approval = store.Approvals.FindById(id);
            var now = time.GetUtcNow();
            if (approval is null)
            {
                return IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalNotFound, $"No approval request '{id}'.");
            }

            if (approval.Status != ApprovalStatus.Pending)
            {
                return IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalNotPending, $"Approval request '{id}' is {StatusName(approval, now.ToUnixTimeMilliseconds())}.");
            }

            if (approval.ExpiresAt <= now.ToUnixTimeMilliseconds())
            {
                return IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalExpired, $"Approval request '{id}' expired at {DateTimeOffset.FromUnixTimeMilliseconds(approval.ExpiresAt):O}.");
            }

            // Four eyes, by person: whoever asked cannot also say yes (or no) to it, under any of their clients.
            if (Persons.Same(RequesterPerson(approval), approver.Person) || string.Equals(approval.RequestedBy, approver.Subject, StringComparison.Ordinal))
            {
                return IssuerResult<ApprovalView>.Fail(ErrorCode.SelfApprovalForbidden, $"'{approver.Subject}' (person '{approver.Person}') requested '{id}' and cannot decide it.");
            }

            if ((approval.ExcludedPersons ?? []).FirstOrDefault(p => Persons.Same(p, approver.Person)) is not null)
            {
                return IssuerResult<ApprovalView>.Fail(ErrorCode.ApproverNotIndependent, approval.Kind == ApprovalDocument.AdminClientKind
                    ? $"Person '{approver.Person}' is the one '{id}' grants the approver role to and cannot decide it."
                    : $"Person '{approver.Person}' registered agent '{approval.AgentId}' or set its ceiling and cannot decide its requests.");
            }

            if ((approval.Votes ??= []).Any(v => Persons.Same(v.Person, approver.Person)))
            {
                return IssuerResult<ApprovalView>.Fail(ErrorCode.ApproverNotIndependent, $"Person '{approver.Person}' already approved '{id}'; another person must add the next approval.");
            }

            if (approve)
            {
                approval.Votes.Add(new ApprovalVoteDocument { Subject = approver.Subject, Person = approver.Person, Name = approver.Name, At = now.ToUnixTimeMilliseconds(), Reason = reason });
            }

            var required = Math.Max(1, approval.RequiredApprovals);
            var complete = !approve || approval.Votes.Count >= required;
            if (complete)
            {
                approval.Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Denied;
                approval.DecidedBy = approver.Subject;
                approval.DecidedByName = approver.Name;
                approval.DecidedAt = now.ToUnixTimeMilliseconds();
                approval.DecisionReason = reason;
            }

            if (complete && approve)
            {
                // The collection window starts at the decision, so a late approval can still be collected.
                approval.ExpiresAt = (now + options.Value.ApprovalTimeToLive).ToUnixTimeMilliseconds();
            }

            store.Approvals.Update(approval);
            var kind = !approve ? AuditEventKinds.ApprovalDenied : complete ? AuditEventKinds.ApprovalGranted : AuditEventKinds.ApprovalVoted;
            audit.Append(new AuditEntry(kind, approver.Subject, string.IsNullOrEmpty(approval.AgentId) ? null : approval.AgentId,
                SessionId: approval.SessionId, ApprovalId: approval.Id,
                Details: JsonSerializer.Serialize(new ApprovalDecidedDetails(approval.RequestedBy, reason, approver.Name, approver.Person, approval.Votes.Count, required), IssuerJsonContext.Default.ApprovalDecidedDetails)));

            if (complete && approve && approval.Kind == ApprovalDocument.AdminClientKind)
            {
                var pending = JsonSerializer.Deserialize(approval.AdminClientJson ?? "null", IssuerJsonContext.Default.PendingAdminClient);
                if (pending is null)
                {
                    return IssuerResult<ApprovalView>.Fail(ErrorCode.InternalError, $"Approval request '{id}' holds no admin-client change.");
                }

                var applied = clients.ApplyApprovedInTransaction(pending, approval.Id, approval.RequestedBy);
                if (applied.Failed)
                {
                    return applied.Error;
                }

                approval.Status = ApprovalStatus.Collected;
                store.Approvals.Update(approval);
            }

            return ToView(approval, now.ToUnixTimeMilliseconds());
        });
    }

    /// <summary>
    /// The requester collects the credential of an approved request, once: it is signed now (so its lifetime
    /// starts now) with the approver as authoriser, and the request becomes <c>collected</c> in the same commit.
    /// </summary>
    public async Task<IssuerResult<ApprovalView>> CollectAsync(string id, string requester, CancellationToken cancellationToken)
    {
        var approval = Identifiers.IsValid(id) ? store.Approvals.FindById(id) : null;
        if (approval is null)
        {
            return IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalNotFound, $"No approval request '{Text.Clip(id)}'.");
        }

        if (approval.Kind == ApprovalDocument.AdminClientKind)
        {
            return IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalNotApproved, $"Approval request '{id}' is an admin-client change: it is applied when approved, there is nothing to collect.");
        }

        if (!string.Equals(approval.RequestedBy, requester, StringComparison.Ordinal))
        {
            return IssuerResult<ApprovalView>.Fail(ErrorCode.NotRequester, $"Only '{approval.RequestedBy}' may collect '{id}'.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (approval.Status != ApprovalStatus.Approved || approval.ExpiresAt <= now)
        {
            return approval.Status == ApprovalStatus.Approved
                ? IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalExpired, $"Approval request '{id}' was not collected in time.")
                : IssuerResult<ApprovalView>.Fail(ErrorCode.ApprovalNotApproved, $"Approval request '{id}' is {StatusName(approval, now)}.");
        }

        var agent = store.Agents.FindById(approval.AgentId);
        if (agent is null || agent.Status != AgentStatus.Active)
        {
            return IssuerResult<ApprovalView>.Fail(ErrorCode.AgentNotActive, $"Agent '{approval.AgentId}' is not active.");
        }

        var details = JsonSerializer.Deserialize(approval.AuthorizationDetailsJson, CredentialJsonContext.Default.ListAuthorizationDetail) ?? [];
        var authoriser = new Authoriser
        {
            Subject = approval.DecidedBy!,
            Name = approval.DecidedByName,
            ApprovalId = approval.Id,
            ApprovedAt = (approval.DecidedAt ?? now) / 1000,
        };

        var issued = await issuer.IssueAsync(agent, approval.Audience, details, approval.LifetimeSeconds, approval.SessionId, authoriser, approval.RequestedBy,
            credentialId =>
            {
                // Under the write lock: exactly one collection wins, even if two arrive together.
                var current = store.Approvals.FindById(id);
                if (current is null || current.Status != ApprovalStatus.Approved)
                {
                    return IssuerResult<bool>.Fail(ErrorCode.ApprovalNotApproved, $"Approval request '{id}' was collected meanwhile.");
                }

                current.Status = ApprovalStatus.Collected;
                current.CredentialId = credentialId;
                store.Approvals.Update(current);
                approval = current;
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (issued.Failed)
        {
            return issued.Error;
        }

        return ToView(approval, now) with { Credential = issued.Value };
    }

    private static string StatusName(ApprovalDocument approval, long now) => approval.Status switch
    {
        ApprovalStatus.Pending when approval.ExpiresAt <= now => "expired",
        ApprovalStatus.Approved when approval.ExpiresAt <= now => "expired",
        ApprovalStatus.Pending => "pending",
        ApprovalStatus.Approved => "approved",
        ApprovalStatus.Denied => "denied",
        _ => "collected",
    };

    private static string RequesterPerson(ApprovalDocument approval) =>
        string.IsNullOrEmpty(approval.RequestedByPerson) ? approval.RequestedBy : approval.RequestedByPerson;

    private static ApprovalView ToView(ApprovalDocument approval, long now) => new()
    {
        ApprovalId = approval.Id,
        Kind = approval.Kind == ApprovalDocument.AdminClientKind ? ApprovalDocument.AdminClientKind : ApprovalDocument.CredentialKind,
        AgentId = string.IsNullOrEmpty(approval.AgentId) ? null : approval.AgentId,
        AdminClient = approval.AdminClientJson is { } json ? JsonSerializer.Deserialize(json, IssuerJsonContext.Default.PendingAdminClient) : null,
        RequiredApprovals = Math.Max(1, approval.RequiredApprovals),
        Approvals = (approval.Votes ?? []).Select(v => new ApprovalVoteView(v.Subject, v.Person, v.Name, DateTimeOffset.FromUnixTimeMilliseconds(v.At), v.Reason)).ToList(),
        Status = StatusName(approval, now),
        RequestedBy = approval.RequestedBy,
        RequestedAt = DateTimeOffset.FromUnixTimeMilliseconds(approval.CreatedAt),
        ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(approval.ExpiresAt),
        Audience = approval.Audience,
        AuthorizationDetails = JsonSerializer.Deserialize(approval.AuthorizationDetailsJson, CredentialJsonContext.Default.ListAuthorizationDetail) ?? [],
        LifetimeSeconds = approval.LifetimeSeconds,
        SessionId = approval.SessionId,
        Reasons = approval.Reasons,
        DecidedBy = approval.DecidedBy,
        DecidedAt = approval.DecidedAt is { } decided ? DateTimeOffset.FromUnixTimeMilliseconds(decided) : null,
        DecisionReason = approval.DecisionReason,
        CredentialId = approval.CredentialId,
    };
}
