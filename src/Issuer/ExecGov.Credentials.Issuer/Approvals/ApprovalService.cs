using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Issuance;
using ExecGov.Credentials.Issuer.Storage;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Approvals;

/// <summary>
/// Consequential requests and their human decisions. An approver other than the requester approves or
/// denies while the request is pending and unexpired; the requester then collects the credential once, signed
/// with the approver as authoriser. Expiry is read from the clock, so a request nobody decided simply lapses.
/// </summary>
internal sealed class ApprovalService(IssuerStore store, AuditLog audit, CredentialIssuer issuer, TimeProvider time, IOptions<IssuerOptions> options)
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
            ? IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalNotFound, $"No approval request '{Text.Clip(id)}'.")
            : ToView(approval, time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Approves or denies a pending request; the requester cannot decide their own.</summary>
    public IssuerResult<ApprovalView> Decide(string id, bool approve, string? reason, Caller approver)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (reason is not null && Text.Invalid(reason, AgentRegistry.MaxReasonLength) is { } badReason)
        {
            return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.InvalidRequest, "reason " + badReason);
        }

        if (!Identifiers.IsValid(id))
        {
            return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalNotFound, $"No approval request '{Text.Clip(id)}'.");
        }

        return store.Write<ApprovalView>(() =>
        {
            var approval = store.Approvals.FindById(id);
            var now = time.GetUtcNow();
            if (approval is null)
            {
                return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalNotFound, $"No approval request '{id}'.");
            }

            if (approval.Status != ApprovalStatus.Pending)
            {
                return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalNotPending, $"Approval request '{id}' is {StatusName(approval, now.ToUnixTimeMilliseconds())}.");
            }

            if (approval.ExpiresAt <= now.ToUnixTimeMilliseconds())
            {
                return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalExpired, $"Approval request '{id}' expired at {DateTimeOffset.FromUnixTimeMilliseconds(approval.ExpiresAt):O}.");
            }

            // Four eyes: whoever asked cannot also say yes (or no) to it.
            if (string.Equals(approval.RequestedBy, approver.Subject, StringComparison.Ordinal))
            {
                return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.SelfApprovalForbidden, $"'{approver.Subject}' requested '{id}' and cannot decide it.");
            }

            approval.Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Denied;
            approval.DecidedBy = approver.Subject;
            approval.DecidedByName = approver.Name;
            approval.DecidedAt = now.ToUnixTimeMilliseconds();
            approval.DecisionReason = reason;
            if (approve)
            {
                // The collection window starts at the decision, so a late approval can still be collected.
                approval.ExpiresAt = (now + options.Value.ApprovalTimeToLive).ToUnixTimeMilliseconds();
            }

            store.Approvals.Update(approval);
            audit.Append(new AuditEntry(approve ? AuditEventKinds.ApprovalGranted : AuditEventKinds.ApprovalDenied, approver.Subject, approval.AgentId,
                SessionId: approval.SessionId, ApprovalId: approval.Id,
                Details: JsonSerializer.Serialize(new ApprovalDecidedDetails(approval.RequestedBy, reason, approver.Name), IssuerJsonContext.Default.ApprovalDecidedDetails)));
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
            return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalNotFound, $"No approval request '{Text.Clip(id)}'.");
        }

        if (!string.Equals(approval.RequestedBy, requester, StringComparison.Ordinal))
        {
            return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.NotRequester, $"Only '{approval.RequestedBy}' may collect '{id}'.");
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (approval.Status != ApprovalStatus.Approved || approval.ExpiresAt <= now)
        {
            return approval.Status == ApprovalStatus.Approved
                ? IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalExpired, $"Approval request '{id}' was not collected in time.")
                : IssuerResult<ApprovalView>.Fail(IssuerErrorCode.ApprovalNotApproved, $"Approval request '{id}' is {StatusName(approval, now)}.");
        }

        var agent = store.Agents.FindById(approval.AgentId);
        if (agent is null || agent.Status != AgentStatus.Active)
        {
            return IssuerResult<ApprovalView>.Fail(IssuerErrorCode.AgentNotActive, $"Agent '{approval.AgentId}' is not active.");
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
                    return IssuerResult<bool>.Fail(IssuerErrorCode.ApprovalNotApproved, $"Approval request '{id}' was collected meanwhile.");
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

    private static ApprovalView ToView(ApprovalDocument approval, long now) => new()
    {
        ApprovalId = approval.Id,
        AgentId = approval.AgentId,
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
