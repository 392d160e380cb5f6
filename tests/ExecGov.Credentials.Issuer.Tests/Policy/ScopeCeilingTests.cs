using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Policy;

namespace ExecGov.Credentials.Issuer.Tests.Policy;

public sealed class ScopeCeilingTests
{
    private static readonly AuthorizationDetail[] Ceiling =
    [
        new() { Actions = ["payments.*", "invoices.read"], Locations = ["payments-api"], Resources = ["invoice:*"], Constraints = new ActionConstraints { MaxAmount = 500m, Currency = "EUR", Destinations = ["DE89"] } },
    ];

    private static AuthorizationDetail Wanted(string action = "payments.release", decimal? amount = 100m, string currency = "EUR", string resource = "invoice:1", string location = "payments-api", string destination = "DE89") => new()
    {
        Actions = [action],
        Locations = [location],
        Resources = [resource],
        Constraints = new ActionConstraints { MaxAmount = amount, Currency = currency, Destinations = [destination] },
    };

    [Fact]
    public void Request_inside_the_ceiling_fits() => Assert.Null(ScopeCeiling.FindViolation(Ceiling, [Wanted()]));

    public static TheoryData<string, AuthorizationDetail, string> Violations => new()
    {
        { "action outside", Wanted(action: "payroll.run"), "action 'payroll.run'" },
        { "family look-alike", Wanted(action: "paymentsx.release"), "action 'paymentsx.release'" },
        { "a bare wildcard is no action", Wanted(action: "*"), "action '*'" },
        { "dot segment escaping a prefix", Wanted(resource: "invoice:1/../payroll:1"), "resource 'invoice:1/../payroll:1'" },
        { "amount above the limit", Wanted(amount: 500.01m), "max_amount" },
        { "amount missing", Wanted(amount: null), "max_amount" },
        { "other currency", Wanted(currency: "USD"), "currency" },
        { "resource outside", Wanted(resource: "payroll:1"), "resource 'payroll:1'" },
        { "location outside", Wanted(location: "hr-api"), "location 'hr-api'" },
        { "destination outside", Wanted(destination: "FR76"), "destination 'FR76'" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Request_beyond_the_ceiling_is_named(string why, AuthorizationDetail wanted, string expected)
    {
        var violation = ScopeCeiling.FindViolation(Ceiling, [wanted]);
        Assert.NotNull(violation);
        Assert.True(violation!.Contains(expected, StringComparison.Ordinal), $"{why}: {violation}");
    }

    [Fact]
    public void Narrower_family_fits_a_wider_family() => Assert.Null(ScopeCeiling.FindViolation(Ceiling, [Wanted(action: "payments.refunds.*")]));

    [Fact]
    public void A_bare_wildcard_in_a_stored_ceiling_covers_nothing()
    {
        AuthorizationDetail[] legacy = [new() { Actions = ["*"] }];
        Assert.Contains("action 'payments.release'", ScopeCeiling.FindViolation(legacy, [new AuthorizationDetail { Actions = ["payments.release"] }]), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_ceiling_allows_nothing() => Assert.NotNull(ScopeCeiling.FindViolation([], [Wanted()]));

    [Fact]
    public void Request_without_locations_does_not_fit_a_ceiling_that_limits_them()
    {
        var wanted = Wanted() with { Locations = null };
        Assert.Contains("locations", ScopeCeiling.FindViolation(Ceiling, [wanted]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("09:00", "17:00", "10:00", "12:00", true)]
    [InlineData("09:00", "17:00", "08:00", "12:00", false)]
    [InlineData("22:00", "06:00", "23:00", "02:00", true)]
    [InlineData("22:00", "06:00", "05:00", "07:00", false)]
    [InlineData("09:00:45", "17:00", "09:00:30", "12:00", false)]
    [InlineData("09:00", "17:00:00", "10:00", "17:00:59", false)]
    [InlineData("09:00:45", "17:00:15", "09:00:45", "17:00:15", true)]
    [InlineData("22:00:30", "06:00", "22:00:10", "02:00", false)]
    public void Time_window_must_lie_within_the_ceilings(string outerStart, string outerEnd, string innerStart, string innerEnd, bool fits)
    {
        AuthorizationDetail[] ceiling = [new() { Actions = ["reports.run"], Constraints = new ActionConstraints { TimeWindow = new TimeWindow { Start = TimeOnly.Parse(outerStart, System.Globalization.CultureInfo.InvariantCulture), End = TimeOnly.Parse(outerEnd, System.Globalization.CultureInfo.InvariantCulture) } } }];
        AuthorizationDetail wanted = new() { Actions = ["reports.run"], Constraints = new ActionConstraints { TimeWindow = new TimeWindow { Start = TimeOnly.Parse(innerStart, System.Globalization.CultureInfo.InvariantCulture), End = TimeOnly.Parse(innerEnd, System.Globalization.CultureInfo.InvariantCulture) } } };
        Assert.Equal(fits, ScopeCeiling.FindViolation(ceiling, [wanted]) is null);
    }
}
