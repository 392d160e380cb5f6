using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Revocations;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>
/// Suspending, resuming and decommissioning an agent reach its credentials, not just the registry: suspend is
/// an agent-scope <c>suspend</c> act (its live credentials answer <c>suspended</c> at every verifier within
/// moments, and nothing new is issued), resume an <c>unsuspend</c>, decommission a <c>revoke</c>.
/// </summary>
/// <remarks>
/// Order (docs/revocation.md, "Two stores"): checks first (nothing changes on a refusal); then the act is
/// committed durably in the revocation store; then its issuer side (registry state and audit records) is
/// committed in the issuer store by <see cref="RevocationActRecorder"/>, idempotently. The revocation service
/// already delivered the act to the recorder before answering; recording it again here only matters when that
/// delivery failed, and turns a failure into an error answer instead of a silent gap. A crash between the two
/// commits is repaired at start-up, when the revocation store delivers every unconfirmed act again.
/// </remarks>
internal sealed class AgentLifecycle(AgentRegistry registry, IRevocationService revocations, RevocationActRecorder recorder)
{
    public Task<IssuerResult<AgentView>> SuspendAsync(string id, AgentStateRequest request, Caller caller) =>
        ChangeAsync(id, AgentStatus.Suspended, RevocationAction.Suspend, request, caller);

    public Task<IssuerResult<AgentView>> ResumeAsync(string id, AgentStateRequest request, Caller caller) =>
        ChangeAsync(id, AgentStatus.Active, RevocationAction.Unsuspend, request, caller);

    /// <summary>Revokes every credential of the agent (and blocks new ones for good), then decommissions it.</summary>
    public async Task<IssuerResult<AgentView>> DecommissionAsync(string id, AgentStateRequest request, Caller caller)
    {
        var revoked = await ChangeAsync(id, AgentStatus.Decommissioned, RevocationAction.Revoke, request, caller).ConfigureAwait(false);
        return revoked.Failed ? revoked : registry.Decommission(id, request, caller);
    }

    private async Task<IssuerResult<AgentView>> ChangeAsync(string id, AgentStatus target, RevocationAction action, AgentStateRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var checkedAgent = registry.CheckStateChange(id, target, request);
        if (checkedAgent.Failed)
        {
            return checkedAgent.Error;
        }

        var act = new RevocationRequest
        {
            Scope = RevocationScope.Agent,
            Target = checkedAgent.Value.Id,
            Action = action,
            Responder = caller.Subject,
            Reason = request.Reason,
        };
        RevocationResult result;
        try
        {
            // Not cancelled with the request: once queued, the act is committed whether or not anyone waits.
            result = await revocations.ApplyAsync(act, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.RevocationUnavailable, $"The {RevocationNames.ToWire(action)} act on the agent's credentials could not be committed; nothing was changed. Retry.");
        }

        recorder.Record(new RevocationAuditRecord { ActId = result.ActId, Request = act, Result = result });
        return registry.Get(id);
    }
}
