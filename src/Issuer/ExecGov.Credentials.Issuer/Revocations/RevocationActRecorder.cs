using System.Text.Json;
using ExecGov.Credentials.Issuer.Admins;
using ExecGov.Credentials.Issuer.Agents;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Revocations;

/// <summary>
/// The issuer's side of a committed revocation act, in one transaction of the issuer store: a
/// <c>revocation_recorded</c> audit record (responder, reason, time, counts) naming the credential, session or
/// agent it covers, and for an agent-scope act the agent's state in the registry (revoke and suspend suspend it,
/// unsuspend resumes it unless it was revoked) with an <c>agent_suspended</c>/<c>agent_resumed</c> record; for an
/// authoriser revocation, the person's admin clients are disabled (<c>admin_client_disabled</c>).
/// </summary>
/// <remarks>
/// Crash consistency (docs/revocation.md, "Two stores"): an act is committed to the revocation store first and
/// recorded here second. The revocation store delivers every act here at least once (again after a restart
/// while its delivery is not confirmed), and <see cref="Record"/> is idempotent on the act id, so a crash between
/// the two commits leaves the act pending, never lost, and a second delivery changes nothing. Agent state follows
/// the act order, not the delivery order (<see cref="AgentDocument.StateActId"/>).
/// </remarks>
internal sealed class RevocationActRecorder(IssuerStore store, AuditLog audit, AdminClients clients, TimeProvider time) : IRevocationAuditSink
{
    /// <inheritdoc />
    public ValueTask RecordAsync(RevocationAuditRecord record, CancellationToken cancellationToken)
    {
        Record(record);
        return ValueTask.CompletedTask;
    }

    /// <summary>Records <paramref name="record"/> durably; false when it was recorded before (nothing changes then).</summary>
    public bool Record(RevocationAuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = record.Request;
        var written = store.Write<bool>(() =>
        {
            if (store.RecordedActs.FindById(record.ActId) is not null)
            {
                return false;
            }

            if (request.Scope == RevocationScope.Agent)
            {
                ApplyToAgent(record);
            }

            if (request.Scope == RevocationScope.Authoriser && request.Action == RevocationAction.Revoke)
            {
                // A revoked authoriser is contained, not only their credentials: every admin client of that
                // person is disabled in the same commit, and clients they created are refused with them.
                clients.DisablePersonInTransaction(request.Target, request.Responder, $"authoriser revoked: {request.Reason}");
            }

            var entry = audit.Append(new AuditEntry(AuditEventKinds.RevocationRecorded, request.Responder,
                AgentId: request.Scope == RevocationScope.Agent ? request.Target : null,
                CredentialId: request.Scope == RevocationScope.Credential ? request.Target : null,
                SessionId: request.Scope == RevocationScope.Session ? request.Target : null,
                Details: JsonSerializer.Serialize(
                    new RevocationRecordedDetails(record.ActId, RevocationNames.ToWire(request.Scope), request.Target, RevocationNames.ToWire(request.Action),
                        request.Reason, record.Result.Covered, record.Result.Changed, record.Result.ChangedAt),
                    IssuerJsonContext.Default.RevocationRecordedDetails)));
            store.RecordedActs.Insert(new RecordedActDocument { Id = record.ActId, AuditSeq = entry.Id, RecordedAt = time.GetUtcNow().ToUnixTimeMilliseconds() });
            return true;
        });
        return written.Value;
    }

    private void ApplyToAgent(RevocationAuditRecord record)
    {
        var request = record.Request;
        var agent = store.Agents.FindById(request.Target);
        if (agent is null)
        {
            return;
        }

        var changed = false;
        if (request.Action == RevocationAction.Revoke && agent.RevokedAt is null)
        {
            agent.RevokedAt = record.Result.ChangedAt.ToUnixTimeMilliseconds();
            changed = true;
        }

        // Acts reach this store in any order (concurrent acts, redelivery after a crash); the agent's state
        // is the one the latest act left, as in the revocation store. Decommissioned is final.
        if (record.ActId > agent.StateActId && agent.Status != AgentStatus.Decommissioned)
        {
            var target = request.Action == RevocationAction.Unsuspend && agent.RevokedAt is null ? AgentStatus.Active : AgentStatus.Suspended;
            agent.StateActId = record.ActId;
            changed = true;
            if (target != agent.Status)
            {
                var previous = agent.Status;
                agent.Status = target;
                audit.Append(new AuditEntry(target == AgentStatus.Active ? AuditEventKinds.AgentResumed : AuditEventKinds.AgentSuspended, request.Responder, AgentId: agent.Id,
                    Details: JsonSerializer.Serialize(
                        new AgentStateDetails(request.Reason, AgentRegistry.StatusName(previous), AgentRegistry.StatusName(target), record.ActId),
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
