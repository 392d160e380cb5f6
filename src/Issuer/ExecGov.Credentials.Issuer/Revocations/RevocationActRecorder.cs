using System.Text.Json;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Store;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Revocations;

/// <summary>
/// The issuer's part of a revocation act, inside the act's own transaction: a <c>revocation_recorded</c> record in
/// the one hash-chained audit trail (responder, reason, time, counts) naming the credential, session or agent it
/// covers; for an agent-scope act the agent's state in the registry (revoke and suspend suspend it, unsuspend
/// resumes it unless it was revoked) with an <c>agent_suspended</c>/<c>agent_resumed</c> record; for an authoriser
/// revocation, the person's admin clients are disabled (<c>admin_client_disabled</c>). All of it commits with the
/// act's status changes and events, or none of it does.
/// </summary>
internal sealed class RevocationActRecorder(IExecGovStore store, AuditLog audit, AdminClients clients, TimeProvider time)
{
    /// <summary>Records the applied act <paramref name="result"/> of <paramref name="request"/> inside its unit of work.</summary>
    public void Record(IStoreTransaction transaction, RevocationRequest request, RevocationResult result)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (request.Scope == RevocationScope.Agent)
        {
            ApplyToAgent(request, result);
        }

        if (request.Scope == RevocationScope.Authoriser && request.Action == RevocationAction.Revoke)
        {
            // A revoked authoriser is contained, not only their credentials: every admin client of that
            // person is disabled in the same commit, and clients they created are refused with them.
            clients.DisablePersonInTransaction(request.Target, request.Responder, $"authoriser revoked: {request.Reason}");
        }

        audit.Append(new AuditEntry(AuditEventKinds.RevocationRecorded, request.Responder,
            AgentId: request.Scope == RevocationScope.Agent ? request.Target : null,
            CredentialId: request.Scope == RevocationScope.Credential ? request.Target : null,
            SessionId: request.Scope == RevocationScope.Session ? request.Target : null,
            Details: JsonSerializer.Serialize(
                new RevocationRecordedDetails(result.ActId, RevocationNames.ToWire(request.Scope), request.Target, RevocationNames.ToWire(request.Action),
                    request.Reason, result.Covered, result.Changed, result.ChangedAt),
                IssuerJsonContext.Default.RevocationRecordedDetails)));
    }

    private void ApplyToAgent(RevocationRequest request, RevocationResult result)
    {
        var agent = store.Agents.FindById(request.Target);
        if (agent is null)
        {
            return;
        }

        var changed = false;
        if (request.Action == RevocationAction.Revoke && agent.RevokedAt is null)
        {
            agent.RevokedAt = result.ChangedAt.ToUnixTimeMilliseconds();
            changed = true;
        }

        // Acts are applied in act order (one writer), so the latest act sets the agent's state; the act id is kept
        // on the agent for traces. Decommissioned is final.
        if (result.ActId > agent.StateActId && agent.Status != AgentStatus.Decommissioned)
        {
            var target = request.Action == RevocationAction.Unsuspend && agent.RevokedAt is null ? AgentStatus.Active : AgentStatus.Suspended;
            agent.StateActId = result.ActId;
            changed = true;
            if (target != agent.Status)
            {
                var previous = agent.Status;
                agent.Status = target;
                audit.Append(new AuditEntry(target == AgentStatus.Active ? AuditEventKinds.AgentResumed : AuditEventKinds.AgentSuspended, request.Responder, AgentId: agent.Id,
                    Details: JsonSerializer.Serialize(
                        new AgentStateDetails(request.Reason, AgentRegistry.StatusName(previous), AgentRegistry.StatusName(target), result.ActId),
                        IssuerJsonContext.Default.AgentStateDetails)));
            }
        }

        if (changed)
        {
            agent.UpdatedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            store.Agents.Update(agent);
        }
    }
}
