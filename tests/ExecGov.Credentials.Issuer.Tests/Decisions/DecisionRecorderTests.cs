using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Issuer.Decisions;

namespace ExecGov.Credentials.Issuer.Tests.Decisions;

public sealed class DecisionRecorderTests : IDisposable
{
    private readonly IssuerServices _services = new();

    private static DecisionRecordInput Record(string id, string decision = "deny", string reason = "scope_denied") => new()
    {
        DecisionId = id,
        DecidedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
        Decision = decision,
        Reason = reason,
        Agent = "agent-1",
        CredentialId = "cred_1",
        Authoriser = "admin-ada",
        Action = "payments.release",
    };

    [Fact]
    public void Same_decision_sent_twice_is_recorded_once()
    {
        var verifier = new Http.Caller("verifier-1", null, "verifier-1");
        var batch = new DecisionBatchRequest { Records = [Record("d1"), Record("d2"), Record("d1")] };

        var first = _services.Decisions.Record(batch, verifier);
        var second = _services.Decisions.Record(batch, verifier);

        Assert.Equal(new DecisionBatchView(2, 1), first.Value);
        Assert.Equal(new DecisionBatchView(0, 3), second.Value);
        Assert.Equal(2, _services.Store.Audit.Count(a => a.Kind == "decision_recorded"));
    }

    [Fact]
    public void Decision_ids_are_scoped_to_the_submitting_verifier_client()
    {
        var payments = new Http.Caller("verifier-payments", null, "ops-payments");
        var reports = new Http.Caller("verifier-reports", null, "ops-reports");

        // The other client sends the ids first: it must not claim (and so suppress) the payments verifier's records.
        var squatted = _services.Decisions.Record(new DecisionBatchRequest { Records = [Record("d1"), Record("d2")] }, reports);
        var genuine = _services.Decisions.Record(new DecisionBatchRequest { Records = [Record("d1", "allow", "allowed"), Record("d2")] }, payments);

        Assert.Equal(new DecisionBatchView(2, 0), squatted.Value);
        Assert.Equal(new DecisionBatchView(2, 0), genuine.Value);
        var recorded = _services.Store.Audit.Find(a => a.Kind == "decision_recorded").ToList();
        Assert.Equal(2, recorded.Count(a => a.Actor == "verifier-payments"));
        Assert.Contains(recorded, a => a.Actor == "verifier-payments" && a.Details!.Contains("\"allow\"", StringComparison.Ordinal));

        // Resending stays idempotent per client.
        Assert.Equal(new DecisionBatchView(0, 2), _services.Decisions.Record(new DecisionBatchRequest { Records = [Record("d1", "allow", "allowed"), Record("d2")] }, payments).Value);
    }

    [Theory]
    [InlineData("d1\n")]
    [InlineData("d1\r")]
    [InlineData("d1/x")]
    public void Decision_id_with_a_control_character_or_separator_refuses_the_batch(string id)
    {
        var result = _services.Decisions.Record(new DecisionBatchRequest { Records = [Record(id)] }, new Http.Caller("verifier-1", null, "ops-1"));
        Assert.Equal(ErrorCode.InvalidRequest, result.Error?.Code);
        Assert.Equal(0, _services.Store.Audit.Count());
    }

    [Theory]
    [InlineData("allow", "scope_denied")]
    [InlineData("deny", "allowed")]
    [InlineData("maybe", "allowed")]
    [InlineData("deny", "Scope Denied")]
    public void Inconsistent_records_refuse_the_batch(string decision, string reason)
    {
        var result = _services.Decisions.Record(new DecisionBatchRequest { Records = [Record("ok"), Record("bad", decision, reason)] }, new Http.Caller("verifier-1", null, "verifier-1"));
        Assert.Equal(ErrorCode.InvalidRequest, result.Error?.Code);
        Assert.Equal(0, _services.Store.Audit.Count());
    }

    public void Dispose() => _services.Dispose();
}
