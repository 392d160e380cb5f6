using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Tests.Revocations;

/// <summary>The issuer's part of a revocation act, run through the real registry in the act's own transaction.</summary>
public sealed class RevocationActRecorderTests : IDisposable
{
    private readonly IssuerServices _services = new();

    [Fact]
    public async Task Act_lands_in_the_chain_naming_responder_reason_and_what_it_covers()
    {
        var result = await ApplyAsync(RevocationScope.Session, "sess-42", RevocationAction.Revoke);

        var record = Assert.Single(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.RevocationRecorded));
        Assert.Equal("responder-raj", record.Actor);
        Assert.Equal("sess-42", record.SessionId);
        Assert.Contains($"\"act_id\":{result.ActId}", record.Details, StringComparison.Ordinal);
        Assert.Contains("\"covered\":0", record.Details, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"leaked\"", record.Details, StringComparison.Ordinal);
        Assert.True(AuditChainVerifier.Verify(_services.Store.Audit.FindAll()).IsIntact);
    }

    [Fact]
    public async Task A_failure_in_the_audit_step_rolls_back_the_act_its_events_and_its_block()
    {
        var agent = _services.RegisterAgent();
        var audit = _services.Store.Audit.Count();
        var events = _services.Store.Events.Count();
        var failing = new HostActPart(_services.HostPart.IsKnownTarget, (tx, request, result) =>
        {
            _services.HostPart.Record(tx, request, result);
            throw new InvalidOperationException("audit store full");
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => _services.Revocations.ApplyAsync(Request(RevocationScope.Agent, agent, RevocationAction.Revoke), failing, CancellationToken.None));

        Assert.Equal(0, _services.Store.Acts.Count());
        Assert.Equal(0, _services.Store.Blocks.Count());
        Assert.Equal(events, _services.Store.Events.Count());
        Assert.Equal(audit, _services.Store.Audit.Count());
        Assert.Equal(AgentStatus.Active, _services.Store.Agents.FindById(agent).Status);

        // Nothing was left half-done: the same act goes through afterwards, as act 1.
        var applied = await ApplyAsync(RevocationScope.Agent, agent, RevocationAction.Revoke);
        Assert.Equal(1, applied.ActId);
        Assert.Equal(AgentStatus.Suspended, _services.Store.Agents.FindById(agent).Status);
        Assert.True(AuditChainVerifier.Verify(_services.Store.Audit.FindAll()).IsIntact);
    }

    [Fact]
    public async Task Agent_revocation_suspends_the_agent_for_good()
    {
        var agent = _services.RegisterAgent();

        await ApplyAsync(RevocationScope.Agent, agent, RevocationAction.Revoke);
        await ApplyAsync(RevocationScope.Agent, agent, RevocationAction.Unsuspend);

        var stored = _services.Store.Agents.FindById(agent);
        Assert.Equal(AgentStatus.Suspended, stored.Status);
        Assert.Equal(_services.Time.GetUtcNow().ToUnixTimeMilliseconds(), stored.RevokedAt);
        Assert.Empty(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.AgentResumed));
    }

    [Fact]
    public async Task Suspend_then_unsuspend_leaves_the_agent_active()
    {
        var agent = _services.RegisterAgent();

        await ApplyAsync(RevocationScope.Agent, agent, RevocationAction.Suspend);
        await ApplyAsync(RevocationScope.Agent, agent, RevocationAction.Unsuspend);

        Assert.Equal(AgentStatus.Active, _services.Store.Agents.FindById(agent).Status);
        Assert.Equal(2, _services.Store.Audit.Count(a => a.Kind == AuditEventKinds.RevocationRecorded));
    }

    [Fact]
    public async Task Decommissioned_agent_stays_decommissioned()
    {
        var agent = _services.RegisterAgent();
        Assert.False(_services.Registry.Decommission(agent, new Agents.AgentStateRequest { Reason = "retired" }, IssuerServices.Admin).Failed);

        await ApplyAsync(RevocationScope.Agent, agent, RevocationAction.Suspend);

        Assert.Equal(AgentStatus.Decommissioned, _services.Store.Agents.FindById(agent).Status);
    }

    [Fact]
    public async Task Act_on_an_unknown_agent_is_refused_and_changes_nothing()
    {
        var audit = _services.Store.Audit.Count();

        var result = await ApplyAsync(RevocationScope.Agent, "agent-gone", RevocationAction.Revoke);

        Assert.Equal(RevocationOutcome.TargetNotFound, result.Outcome);
        Assert.Equal(0, _services.Store.Acts.Count());
        Assert.Equal(0, _services.Store.Blocks.Count());
        Assert.Equal(audit, _services.Store.Audit.Count());
    }

    public void Dispose() => _services.Dispose();

    private Task<RevocationResult> ApplyAsync(RevocationScope scope, string target, RevocationAction action) =>
        _services.Revocations.ApplyAsync(Request(scope, target, action), _services.HostPart, CancellationToken.None);

    private static RevocationRequest Request(RevocationScope scope, string target, RevocationAction action) =>
        new() { Scope = scope, Target = target, Action = action, Responder = "responder-raj", Reason = "leaked" };
}
