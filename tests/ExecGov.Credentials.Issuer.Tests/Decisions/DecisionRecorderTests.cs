using ExecGov.Credentials.Issuer.Decisions;
using ExecGov.Credentials.Issuer.Errors;

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

    [Theory]
    [InlineData("allow", "scope_denied")]
    [InlineData("deny", "allowed")]
    [InlineData("maybe", "allowed")]
    [InlineData("deny", "Scope Denied")]
    public void Inconsistent_records_refuse_the_batch(string decision, string reason)
    {
        var result = _services.Decisions.Record(new DecisionBatchRequest { Records = [Record("ok"), Record("bad", decision, reason)] }, new Http.Caller("verifier-1", null, "verifier-1"));
        Assert.Equal(IssuerErrorCode.InvalidRequest, result.Error?.Code);
        Assert.Equal(0, _services.Store.Audit.Count());
    }

    public void Dispose() => _services.Dispose();
}
