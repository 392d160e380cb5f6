using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Scopes;

namespace ExecGov.Credentials.Shared.Tests.Scopes;

public sealed class ScopeMatcherTests
{
    [Theory]
    [InlineData("payments.release", true)]
    [InlineData("payments.*", true)]
    [InlineData("a_b-c.d9", true)]
    [InlineData("*", false)]
    [InlineData("*.*", false)]
    [InlineData(".*", false)]
    [InlineData("payments.", false)]
    [InlineData("payments.*.release", false)]
    [InlineData("payments.**", false)]
    [InlineData("pay ments", false)]
    [InlineData("-payments", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Action_grammar_has_names_and_families_and_no_bare_wildcard(string? action, bool valid) =>
        Assert.Equal(valid, ScopeMatcher.IsActionPattern(action));

    [Fact]
    public void Action_grammar_bounds_the_length()
    {
        Assert.True(ScopeMatcher.IsActionPattern(new string('a', ScopeMatcher.MaxActionLength)));
        Assert.False(ScopeMatcher.IsActionPattern(new string('a', ScopeMatcher.MaxActionLength + 1)));
    }

    [Theory]
    [InlineData("payments.release", "payments.release", true)]
    [InlineData("payments.release", "Payments.Release", false)]
    [InlineData("payments.*", "payments.release", true)]
    [InlineData("payments.*", "payments.refunds.full", true)]
    [InlineData("payments.*", "payments", false)]
    [InlineData("payments.*", "payments.", false)]
    [InlineData("payments.*", "paymentsx.release", false)]
    [InlineData("*", "payments.release", false)]
    [InlineData("*", "*", false)]
    [InlineData("payments.*", "*", false)]
    public void Action_matches_exactly_or_within_a_family_and_a_bare_wildcard_matches_nothing(string pattern, string action, bool matches) =>
        Assert.Equal(matches, ScopeMatcher.ActionMatches(pattern, action));

    [Theory]
    [InlineData("payments.*", "payments.refunds.*", true)]
    [InlineData("payments.*", "payments.*", true)]
    [InlineData("payments.*", "payments.release", true)]
    [InlineData("payments.refunds.*", "payments.*", false)]
    [InlineData("payments.release", "payments.*", false)]
    [InlineData("paym.*", "payments.*", false)]
    [InlineData("*", "payments.release", false)]
    [InlineData("*", "*", false)]
    [InlineData("payments.*", "*", false)]
    public void Action_pattern_covers_only_what_is_narrower(string pattern, string narrower, bool covers) =>
        Assert.Equal(covers, ScopeMatcher.ActionCovers(pattern, narrower));

    [Theory]
    [InlineData("invoice:7", "invoice:7", true)]
    [InlineData("invoice:7", "invoice:70", false)]
    [InlineData("invoice:*", "invoice:7", true)]
    [InlineData("invoice:*", "invoice:", true)]
    [InlineData("invoice:*", "invoic", false)]
    [InlineData("*", "anything/at/all", true)]
    [InlineData("invoice:*", "invoice:7/../payroll", false)]
    [InlineData("invoice:*", "invoice:7/%2E%2e", false)]
    [InlineData("invoice:7/../payroll", "invoice:7/../payroll", true)]
    [InlineData("invoice:*", "invoice:7/v1.2", true)]
    public void Resource_matches_exactly_or_by_prefix_without_dot_segments(string pattern, string resource, bool matches) =>
        Assert.Equal(matches, ScopeMatcher.ResourceMatches(pattern, resource));

    [Theory]
    [InlineData("invoice:*", "invoice:2026-*", true)]
    [InlineData("invoice:*", "invoice:*", true)]
    [InlineData("invoice:*", "invoice:7", true)]
    [InlineData("invoice:*", "invoice*", false)]
    [InlineData("invoice:7", "invoice:7*", false)]
    [InlineData("invoice:*", "invoice:7/../payroll", false)]
    [InlineData("ab**", "ab*", false)]
    [InlineData("ab**", "ab**", true)]
    [InlineData("ab*", "ab**", true)]
    public void Resource_pattern_covers_only_what_is_narrower(string pattern, string narrower, bool covers) =>
        Assert.Equal(covers, ScopeMatcher.ResourceCovers(pattern, narrower));

    [Theory]
    [InlineData("a/./b", true)]
    [InlineData("a/../b", true)]
    [InlineData("..", true)]
    [InlineData("a\\..", true)]
    [InlineData("a/%2e%2E/b", true)]
    [InlineData("a/.../b", false)]
    [InlineData("a/..b", false)]
    [InlineData("v1.2", false)]
    [InlineData("plain", false)]
    public void Dot_segments_are_found_plain_or_percent_encoded(string resource, bool found) =>
        Assert.Equal(found, ScopeMatcher.HasDotSegment(resource));

    [Fact]
    public void List_helpers_match_any_entry_ordinally()
    {
        IReadOnlyList<string> actions = ["invoices.read", "payments.*"];
        Assert.True(ScopeMatcher.AnyActionMatches(actions, "payments.release"));
        Assert.False(ScopeMatcher.AnyActionMatches(actions, "invoices.write"));
        IReadOnlyList<string> resources = ["invoice:*"];
        Assert.True(ScopeMatcher.AnyResourceMatches(resources, "invoice:7"));
        Assert.False(ScopeMatcher.AnyResourceMatches(resources, "invoice:7/../x"));
        IReadOnlyList<string> audiences = ["payments-api"];
        Assert.True(ScopeMatcher.ContainsExact(audiences, "payments-api"));
        Assert.False(ScopeMatcher.ContainsExact(audiences, "Payments-API"));
    }

    [Theory]
    [InlineData("09:00", "17:00", "10:00", "12:00", true)]
    [InlineData("09:00", "17:00", "08:00", "12:00", false)]
    [InlineData("22:00", "06:00", "23:00", "02:00", true)]
    [InlineData("22:00", "06:00", "01:00", "02:00", true)]
    [InlineData("22:00", "06:00", "05:00", "07:00", false)]
    [InlineData("09:00", "17:00", "16:00", "10:00", false)]
    [InlineData("09:00:45", "17:00", "09:00:30", "12:00", false)]
    [InlineData("09:00", "09:00", "10:00", "12:00", false)]
    [InlineData("09:00", "17:00", "10:00", "10:00", false)]
    public void Time_window_covers_only_windows_inside_it(string outerStart, string outerEnd, string innerStart, string innerEnd, bool covers)
    {
        static TimeWindow Window(string start, string end) => new()
        {
            Start = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            End = TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(covers, Window(outerStart, outerEnd).Covers(Window(innerStart, innerEnd)));
    }

    [Fact]
    public void An_empty_time_window_contains_no_instant()
    {
        var empty = new TimeWindow { Start = new TimeOnly(9, 0), End = new TimeOnly(9, 0) };
        Assert.False(empty.Contains(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.False(empty.Contains(new DateTimeOffset(2026, 1, 1, 21, 0, 0, TimeSpan.Zero)));
    }
}
