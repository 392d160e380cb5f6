using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Policy;

namespace ExecGov.Credentials.Issuer.Tests.Policy;

public sealed class ScopeShapeTests
{
    [Theory]
    [InlineData("payments.release", true)]
    [InlineData("payments.*", true)]
    [InlineData("*", false)]
    [InlineData("*.*", false)]
    [InlineData(".*", false)]
    [InlineData("payments.", false)]
    [InlineData("pay ments", false)]
    [InlineData("payments.*.release", false)]
    [InlineData("", false)]
    public void Action_names_are_checked(string action, bool ok) =>
        Assert.Equal(ok, ScopeShape.Check([new AuthorizationDetail { Actions = [action] }], "x") is null);

    [Fact]
    public void Other_detail_types_are_refused() =>
        Assert.Contains("type", ScopeShape.Check([new AuthorizationDetail { Type = "openid_credential", Actions = ["a.b"] }], "x"), StringComparison.Ordinal);

    [Fact]
    public void Negative_amounts_and_bad_currencies_are_refused()
    {
        Assert.NotNull(ScopeShape.Check([new AuthorizationDetail { Actions = ["a.b"], Constraints = new ActionConstraints { MaxAmount = -1m } }], "x"));
        Assert.NotNull(ScopeShape.Check([new AuthorizationDetail { Actions = ["a.b"], Constraints = new ActionConstraints { Currency = "euro" } }], "x"));
    }

    [Fact]
    public void A_time_window_that_starts_when_it_ends_is_refused()
    {
        var empty = new TimeWindow { Start = new TimeOnly(9, 0), End = new TimeOnly(9, 0) };
        Assert.Contains("time_window", ScopeShape.Check([new AuthorizationDetail { Actions = ["a.b"], Constraints = new ActionConstraints { TimeWindow = empty } }], "x"), StringComparison.Ordinal);
        var day = new TimeWindow { Start = new TimeOnly(9, 0), End = new TimeOnly(17, 0) };
        Assert.Null(ScopeShape.Check([new AuthorizationDetail { Actions = ["a.b"], Constraints = new ActionConstraints { TimeWindow = day } }], "x"));
    }

    [Fact]
    public void Too_many_details_are_refused() =>
        Assert.NotNull(ScopeShape.Check(Enumerable.Range(0, ScopeShape.MaxDetails + 1).Select(_ => new AuthorizationDetail { Actions = ["a.b"] }).ToList(), "x"));
}
