using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Errors;
using ExecGov.Credentials.Issuer.Http;
using ExecGov.Credentials.Issuer.Revocations;
using ExecGov.Credentials.Revocation.Registry;
using ExecGov.Credentials.Store;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Agents;

/// <summary>
/// Suspending, resuming and decommissioning an agent reach its credentials, not just the registry: suspend is
/// an agent-scope <c>suspend</c> act (its live credentials answer <c>suspended</c> at every verifier within
/// moments, and nothing new is issued), resume an <c>unsuspend</c>, decommission a <c>revoke</c>.
/// </summary>
/// <remarks>
/// Checks first (nothing changes on a refusal); then the act, its audit record and the agent's new state commit in
/// one transaction (<see cref="RevocationActRecorder"/> is the issuer's part of it), so a crash leaves either all
/// of it or none.
/// </remarks>
internal sealed class AgentLifecycle(AgentRegistry registry, RevocationRegistry revocations, HostActPart hostPart)
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
            result = await revocations.ApplyAsync(act, hostPart, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            return IssuerResult<AgentView>.Fail(ErrorCode.RevocationUnavailable, $"The {RevocationNames.ToWire(action)} act on the agent's credentials could not be committed; nothing was changed. Retry.");
        }

        return result.Outcome == RevocationOutcome.Applied
            ? registry.Get(id)
            : IssuerResult<AgentView>.Fail(ErrorCode.AgentNotFound, $"No agent '{Text.Clip(id)}'.");
    }
}
