using ExecGov.Credentials.Credentials;

namespace ExecGov.Credentials.Verifier.Tests.Policy;

/// <summary>Scope and constraints, end to end through the verifier (the scope check sits before the proof).</summary>
public sealed class ScopeEvaluatorTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Theory]
    [InlineData("payments.release", "invoice:2026-118", ReasonCode.Allowed)]
    [InlineData("invoices.read", "invoice:7", ReasonCode.Allowed)]
    [InlineData("invoices", "invoice:7", ReasonCode.ScopeDenied)]
    [InlineData("payments.refund", "invoice:7", ReasonCode.ScopeDenied)]
    [InlineData("payments.release", "customer:7", ReasonCode.ScopeDenied)]
    [InlineData("payments.release", null, ReasonCode.ScopeDenied)]
    [InlineData("Payments.Release", "invoice:7", ReasonCode.ScopeDenied)]
    public async Task Action_and_resource_must_both_be_granted(string action, string? resource, ReasonCode expected)
    {
        Assert.Equal(expected, await ReasonAsync(TestIssuer.Request(action, resource)));
    }

    [Theory]
    [InlineData("500", ReasonCode.Allowed)]
    [InlineData("500.00", ReasonCode.Allowed)]
    [InlineData("500.01", ReasonCode.ConstraintViolated)]
    [InlineData("1e9", ReasonCode.ConstraintViolated)]
    [InlineData("-5", ReasonCode.ConstraintViolated)]
    [InlineData("", ReasonCode.ConstraintViolated)]
    [InlineData("five hundred", ReasonCode.ConstraintViolated)]
    public async Task Amount_above_the_maximum_or_unreadable_violates_the_constraint(string amount, ReasonCode expected)
    {
        var request = TestIssuer.Request() with { Context = new Dictionary<string, string> { ["amount"] = amount, ["currency"] = "EUR", ["destination"] = "DE89370400440532013000" } };
        Assert.Equal(expected, await ReasonAsync(request));
    }

    [Theory]
    [InlineData("500\u0000")]
    [InlineData("500.0000000000000000000000000049")]
    [InlineData("500.0000000000000000001")]
    [InlineData(" 500")]
    [InlineData("500 ")]
    [InlineData("+500")]
    [InlineData("500.")]
    [InlineData(".5")]
    [InlineData("5.0.0")]
    [InlineData("1,000")]
    [InlineData("0x1F4")]
    [InlineData("5E2")]
    [InlineData("\u0665\u0660\u0660")]
    [InlineData("123456789012345678901")]
    public async Task Amount_outside_the_grammar_or_not_exactly_within_the_maximum_violates_the_constraint(string amount)
    {
        var request = TestIssuer.Request() with { Context = new Dictionary<string, string> { ["amount"] = amount, ["currency"] = "EUR", ["destination"] = "DE89370400440532013000" } };
        Assert.Equal(ReasonCode.ConstraintViolated, await ReasonAsync(request));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0500")]
    [InlineData("499.999999999999999999")]
    [InlineData("500.000000000000000000")]
    public async Task Amount_in_the_grammar_at_or_below_the_maximum_is_allowed(string amount)
    {
        var request = TestIssuer.Request() with { Context = new Dictionary<string, string> { ["amount"] = amount, ["currency"] = "EUR", ["destination"] = "DE89370400440532013000" } };
        Assert.Equal(ReasonCode.Allowed, await ReasonAsync(request));
    }

    [Theory]
    [InlineData("invoice:7/../payroll:1")]
    [InlineData("invoice:7/..")]
    [InlineData("invoice:7/./x")]
    [InlineData("invoice:7/%2e%2e/payroll")]
    [InlineData("invoice:7/%2E./payroll")]
    [InlineData("invoice:7\\..\\payroll")]
    public async Task Resource_with_a_dot_segment_never_matches_a_prefix_scope(string resource)
    {
        Assert.Equal(ReasonCode.ScopeDenied, await ReasonAsync(TestIssuer.Request(resource: resource)));
    }

    [Theory]
    [InlineData("invoice:7/v1.2")]
    [InlineData("invoice:7/...")]
    [InlineData("invoice:7/..x")]
    public async Task Resource_with_dots_inside_a_segment_still_matches(string resource)
    {
        Assert.Equal(ReasonCode.Allowed, await ReasonAsync(TestIssuer.Request(resource: resource)));
    }

    [Fact]
    public async Task Missing_context_value_for_a_constrained_action_violates_the_constraint()
    {
        Assert.Equal(ReasonCode.ConstraintViolated, await ReasonAsync(TestIssuer.Request() with { Context = null }));
        var noDestination = new Dictionary<string, string> { ["amount"] = "10", ["currency"] = "EUR" };
        Assert.Equal(ReasonCode.ConstraintViolated, await ReasonAsync(TestIssuer.Request() with { Context = noDestination }));
    }

    [Fact]
    public async Task Destination_and_currency_must_be_allowed()
    {
        Assert.Equal(ReasonCode.ConstraintViolated, await ReasonAsync(TestIssuer.Request(destination: "GB33BUKB20201555555555")));
        var usd = new Dictionary<string, string> { ["amount"] = "10", ["currency"] = "USD", ["destination"] = "DE89370400440532013000" };
        Assert.Equal(ReasonCode.ConstraintViolated, await ReasonAsync(TestIssuer.Request() with { Context = usd }));
    }

    [Fact]
    public async Task Location_restricts_the_grant_to_listed_audiences()
    {
        var credential = _issuer.Credential(c => c with
        {
            Audience = [TestIssuer.Audience, "ledger-api"],
            AuthorizationDetails = [new AuthorizationDetail { Actions = ["ledger.read"], Locations = ["ledger-api"] }],
        });
        var request = TestIssuer.Request("ledger.read", resource: null);
        Assert.Equal(ReasonCode.ScopeDenied, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential), request)).Reason);
        var atLedger = request with { Audience = "ledger-api" };
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential), atLedger)).Reason);
    }

    [Theory]
    [InlineData(8, ReasonCode.ConstraintViolated)]
    [InlineData(9, ReasonCode.Allowed)]
    [InlineData(16, ReasonCode.Allowed)]
    [InlineData(17, ReasonCode.ConstraintViolated)]
    public async Task Time_of_day_window_is_enforced_in_utc(int hour, ReasonCode expected)
    {
        _issuer.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, hour, 30, 0, TimeSpan.Zero));
        var credential = _issuer.Credential(c => c with
        {
            AuthorizationDetails = [new AuthorizationDetail
            {
                Actions = ["reports.send"],
                Constraints = new ActionConstraints { TimeWindow = new TimeWindow { Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0) } },
            }],
        });
        var decision = await _issuer.VerifyAsync(credential, _issuer.Proof(credential), TestIssuer.Request("reports.send", resource: null));
        Assert.Equal(expected, decision.Reason);
    }

    [Fact]
    public void Time_window_wraps_past_midnight()
    {
        var window = new TimeWindow { Start = new TimeOnly(22, 0), End = new TimeOnly(6, 0) };
        Assert.True(window.Contains(new DateTimeOffset(2026, 1, 1, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(window.Contains(new DateTimeOffset(2026, 1, 1, 5, 59, 0, TimeSpan.Zero)));
        Assert.False(window.Contains(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero)));
        Assert.False(window.Contains(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Unknown_authorization_detail_types_grant_nothing()
    {
        var credential = _issuer.Credential(c => c with
        {
            AuthorizationDetails = [new AuthorizationDetail { Type = "payment_initiation", Actions = ["payments.release"] }],
        });
        Assert.Equal(ReasonCode.ScopeDenied, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    [Fact]
    public async Task A_second_detail_can_grant_what_the_first_constrains()
    {
        var credential = _issuer.Credential(c => c with
        {
            AuthorizationDetails =
            [
                new AuthorizationDetail { Actions = ["payments.release"], Constraints = new ActionConstraints { MaxAmount = 10m } },
                new AuthorizationDetail { Actions = ["payments.release"], Constraints = new ActionConstraints { MaxAmount = 1000m } },
            ],
        });
        Assert.Equal(ReasonCode.Allowed, (await _issuer.VerifyAsync(credential, _issuer.Proof(credential))).Reason);
    }

    private async Task<ReasonCode> ReasonAsync(ActionRequest request)
    {
        var credential = _issuer.Credential();
        return (await _issuer.VerifyAsync(credential, _issuer.Proof(credential), request)).Reason;
    }

    public void Dispose() => _issuer.Dispose();
}
