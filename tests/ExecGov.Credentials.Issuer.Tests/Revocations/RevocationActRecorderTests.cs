using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Revocations;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Tests.Revocations;

public sealed class RevocationActRecorderTests : IDisposable
{
    private readonly IssuerServices _services = new();
    private readonly RevocationActRecorder _recorder;

    public RevocationActRecorderTests() => _recorder = new RevocationActRecorder(_services.Store, _services.Audit, _services.Clients, _services.Time);

    [Fact]
    public async Task Act_lands_in_the_chain_naming_responder_reason_and_what_it_covers()
    {
        await _recorder.RecordAsync(Act(7, RevocationScope.Session, "sess-42", RevocationAction.Revoke, covered: 3), CancellationToken.None);

        var record = Assert.Single(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.RevocationRecorded));
        Assert.Equal("responder-raj", record.Actor);
        Assert.Equal("sess-42", record.SessionId);
        Assert.Contains("\"covered\":3", record.Details, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"leaked\"", record.Details, StringComparison.Ordinal);
        Assert.True(AuditChainVerifier.Verify(_services.Store.Audit.FindAll()).IsIntact);
    }

    [Fact]
    public void Second_delivery_of_the_same_act_records_nothing()
    {
        var agent = _services.RegisterAgent();
        var act = Act(3, RevocationScope.Agent, agent, RevocationAction.Suspend);

        Assert.True(_recorder.Record(act));
        var count = _services.Store.Audit.Count();
        Assert.False(_recorder.Record(act));

        Assert.Equal(count, _services.Store.Audit.Count());
        Assert.Single(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.AgentSuspended));
    }

    [Fact]
    public void Agent_revocation_suspends_the_agent_for_good()
    {
        var agent = _services.RegisterAgent();

        _recorder.Record(Act(1, RevocationScope.Agent, agent, RevocationAction.Revoke));
        _recorder.Record(Act(2, RevocationScope.Agent, agent, RevocationAction.Unsuspend));

        var stored = _services.Store.Agents.FindById(agent);
        Assert.Equal(AgentStatus.Suspended, stored.Status);
        Assert.Equal(_services.Time.GetUtcNow().ToUnixTimeMilliseconds(), stored.RevokedAt);
        Assert.Empty(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.AgentResumed));
    }

    [Fact]
    public void Acts_delivered_out_of_order_leave_the_state_the_latest_act_set()
    {
        var agent = _services.RegisterAgent();

        // Suspend (act 5) then unsuspend (act 6) were committed in that order but reach the issuer reversed.
        _recorder.Record(Act(6, RevocationScope.Agent, agent, RevocationAction.Unsuspend));
        _recorder.Record(Act(5, RevocationScope.Agent, agent, RevocationAction.Suspend));

        Assert.Equal(AgentStatus.Active, _services.Store.Agents.FindById(agent).Status);
        Assert.Equal(2, _services.Store.Audit.Count(a => a.Kind == AuditEventKinds.RevocationRecorded));
    }

    [Fact]
    public void Decommissioned_agent_stays_decommissioned()
    {
        var agent = _services.RegisterAgent();
        Assert.False(_services.Registry.Decommission(agent, new Agents.AgentStateRequest { Reason = "retired" }, IssuerServices.Admin).Failed);

        _recorder.Record(Act(1, RevocationScope.Agent, agent, RevocationAction.Suspend));

        Assert.Equal(AgentStatus.Decommissioned, _services.Store.Agents.FindById(agent).Status);
    }

    [Fact]
    public void Act_on_an_unknown_agent_is_still_audited()
    {
        Assert.True(_recorder.Record(Act(1, RevocationScope.Agent, "agent-gone", RevocationAction.Revoke)));

        Assert.Equal("agent-gone", Assert.Single(_services.Store.Audit.Find(a => a.Kind == AuditEventKinds.RevocationRecorded)).AgentId);
    }

    public void Dispose() => _services.Dispose();

    private RevocationAuditRecord Act(long id, RevocationScope scope, string target, RevocationAction action, int covered = 1) => new()
    {
        ActId = id,
        Request = new RevocationRequest { Scope = scope, Target = target, Action = action, Responder = "responder-raj", Reason = "leaked" },
        Result = new RevocationResult { ActId = id, Covered = covered, Changed = covered, ChangedAt = _services.Time.GetUtcNow() },
    };
}
