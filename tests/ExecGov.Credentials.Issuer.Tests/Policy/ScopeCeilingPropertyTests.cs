using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Issuer.Policy;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Policy;

namespace ExecGov.Credentials.Issuer.Tests.Policy;

/// <summary>
/// The issuer's ceiling check and the verifier's scope evaluation agree: whatever the verifier allows under a
/// credential the issuer would issue, it also allows under the agent's ceiling read as a credential. Ceilings,
/// grants and requests are drawn from small pools so they overlap often, with the edges that once disagreed
/// (a bare <c>*</c>, dot segments, doubled <c>*</c>, wrapping and empty time windows).
/// </summary>
public sealed class ScopeCeilingPropertyTests
{
    private const int Seed = 20261203;
    private const int Cases = 6000;
    private const int RequestsPerCase = 40;

    private static readonly string[] ActionPool =
        ["*", "pay.*", "pay.release", "pay.refund", "pay.refund.*", "pay.refund.full", "payx.release", "inv.*", "inv.read", "inv", "a.b.c", "a.*"];

    private static readonly string[] RequestActionPool =
        ["pay.release", "pay.refund", "pay.refund.full", "pay.refund.part", "pay", "pay.", "payx.release", "inv.read", "inv.write", "inv", "a.b.c", "a.b", "*", "pay.*"];

    private static readonly string[] ResourcePool =
        ["*", "inv:*", "inv:1", "inv:1*", "inv:1/*", "inv:1/a", "inv:1/../pay:2", "inv:1/./a", "inv**", "inv*", "inv:**", "pay:*", "pay:2"];

    private static readonly string[] RequestResourcePool =
        ["inv:1", "inv:12", "inv:1/a", "inv:1/../pay:2", "inv:1/./a", "inv:1/%2e%2e/pay:2", "inv*", "inv:*", "inv:", "invx", "pay:2", "pay:3", "other"];

    private static readonly string[] Audiences = ["api-a", "api-b", "api-c"];

    private static readonly string[] Destinations = ["DE89", "FR76", "GB33"];

    private static readonly decimal?[] Amounts = [null, 0m, 10m, 100m, 100.5m, 500m];

    private static readonly string[] RequestAmounts = ["0", "5", "10", "10.0", "100", "100.5", "100.50", "101", "500", "1000", "", "-1", "1e2"];

    private static readonly string?[] Currencies = [null, "EUR", "USD"];

    private static readonly string[] RequestCurrencies = ["EUR", "eur", "USD", "GBP"];

    [Fact]
    public void What_the_verifier_allows_under_an_issued_credential_lies_within_the_agents_ceiling()
    {
        var random = new Random(Seed);
        var issued = 0;
        var allowed = 0;
        for (var n = 0; n < Cases; n++)
        {
            var ceiling = Details(random, random.Next(1, 4), basis: null);
            var wanted = Details(random, random.Next(1, 3), basis: random.Next(4) == 0 ? null : ceiling);

            // The issuance path: the request's shape, then the ceiling (CredentialIssuer's order). The ceiling itself
            // is not shape-checked, so ceilings stored under older rules (a bare "*", empty windows) are covered too.
            if (ScopeShape.Check(wanted, "authorization_details") is not null || ScopeCeiling.FindViolation(ceiling, wanted) is not null)
            {
                continue;
            }

            issued++;
            for (var r = 0; r < RequestsPerCase; r++)
            {
                var (request, audience, now) = Request(random, random.Next(2) == 0 ? null : wanted[random.Next(wanted.Count)]);
                if (ScopeEvaluator.Evaluate(wanted, request, audience, now) != ReasonCode.Allowed)
                {
                    continue;
                }

                allowed++;
                var underCeiling = ScopeEvaluator.Evaluate(ceiling, request, audience, now);
                Assert.True(
                    underCeiling == ReasonCode.Allowed,
                    $"case {n}, request {r} (seed {Seed}): the credential allows {Describe(request, audience, now)} but the ceiling answers {underCeiling}.\nceiling: {Describe(ceiling)}\ncredential: {Describe(wanted)}");
            }
        }

        // Guards against a vacuous pass: the pools must keep producing issued credentials and allowed requests.
        Assert.True(issued > 500, $"only {issued} of {Cases} cases were issued");
        Assert.True(allowed > 5000, $"only {allowed} requests were allowed under issued credentials");
    }

    private static List<AuthorizationDetail> Details(Random random, int count, IReadOnlyList<AuthorizationDetail>? basis)
    {
        var details = new List<AuthorizationDetail>(count);
        for (var i = 0; i < count; i++)
        {
            details.Add(basis is null ? Detail(random) : Narrow(random, basis[random.Next(basis.Count)]));
        }

        return details;
    }

    private static AuthorizationDetail Detail(Random random) => new()
    {
        Actions = Some(random, ActionPool, 1, 3),
        Locations = random.Next(3) == 0 ? null : Some(random, Audiences, 1, 2),
        Resources = random.Next(3) == 0 ? null : Some(random, ResourcePool, 1, 3),
        Constraints = random.Next(3) == 0 ? null : new ActionConstraints
        {
            MaxAmount = Pick(random, Amounts),
            Currency = Pick(random, Currencies),
            Destinations = random.Next(2) == 0 ? null : Some(random, Destinations, 1, 2),
            TimeWindow = random.Next(2) == 0 ? null : Window(random),
        },
    };

    // Starts from a ceiling detail and changes some parts, so many grants land just inside or just outside it.
    private static AuthorizationDetail Narrow(Random random, AuthorizationDetail limit)
    {
        var fresh = Detail(random);
        var constraints = limit.Constraints;
        return new AuthorizationDetail
        {
            Actions = random.Next(3) == 0 ? fresh.Actions : Some(random, limit.Actions, 1, limit.Actions.Count),
            Locations = random.Next(4) == 0 ? fresh.Locations : limit.Locations,
            Resources = random.Next(3) == 0 ? fresh.Resources : limit.Resources,
            Constraints = random.Next(3) == 0 ? fresh.Constraints : constraints is null ? null : new ActionConstraints
            {
                MaxAmount = random.Next(3) == 0 ? Pick(random, Amounts) : constraints.MaxAmount,
                Currency = random.Next(4) == 0 ? Pick(random, Currencies) : constraints.Currency,
                Destinations = random.Next(4) == 0 ? fresh.Constraints?.Destinations : constraints.Destinations,
                TimeWindow = random.Next(3) == 0 ? Window(random) : constraints.TimeWindow,
            },
        };
    }

    private static TimeWindow Window(Random random)
    {
        // Quarter hours, so starts and ends collide (empty windows) and nest often; some windows wrap past midnight.
        var start = new TimeOnly(random.Next(24), random.Next(4) * 15);
        var end = random.Next(8) == 0 ? start : new TimeOnly(random.Next(24), random.Next(4) * 15);
        return new TimeWindow { Start = start, End = end };
    }

    // A request from the pools, or (with a target detail) one aimed at that detail, so that many are allowed.
    private static (ActionRequest Request, string Audience, DateTimeOffset Now) Request(Random random, AuthorizationDetail? target)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        if (random.Next(6) != 0)
        {
            context["amount"] = Pick(random, RequestAmounts);
        }

        if (random.Next(6) != 0)
        {
            context["currency"] = target?.Constraints?.Currency is { } currency && random.Next(2) == 0 ? currency : Pick(random, RequestCurrencies);
        }

        if (random.Next(6) != 0)
        {
            context["destination"] = target?.Constraints?.Destinations is { Count: > 0 } destinations && random.Next(2) == 0 ? Pick(random, destinations) : Pick(random, Destinations);
        }

        var action = target is null ? Pick(random, RequestActionPool) : Concrete(random, Pick(random, target.Actions), ".");
        var resource = random.Next(8) == 0 ? null
            : target?.Resources is { Count: > 0 } resources ? Concrete(random, Pick(random, resources), "")
            : Pick(random, RequestResourcePool);
        var request = new ActionRequest
        {
            Action = action,
            Resource = resource,
            Method = "POST",
            Target = new Uri("https://api.example/act"),
            Context = context,
        };
        var audience = target?.Locations is { Count: > 0 } locations && random.Next(4) != 0 ? Pick(random, locations) : Pick(random, Audiences);
        var time = target?.Constraints?.TimeWindow is { } window && random.Next(2) == 0
            ? window.Start.ToTimeSpan().Add(TimeSpan.FromMinutes(random.Next(-2, 90)))
            : TimeSpan.FromSeconds(random.Next(24 * 60 * 60));
        var now = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero).Add(time).AddTicks(random.Next(10_000_000));
        return (request, audience, now);
    }

    // A pattern's text with its trailing "*" replaced by something (or nothing), or the name itself.
    private static string Concrete(Random random, string pattern, string separator) =>
        pattern.EndsWith('*') ? pattern[..^1] + Pick(random, ["", "x", "release", $"refund{separator}full", "../pay:2", "1/a", "*"]) : pattern;

    private static T Pick<T>(Random random, IReadOnlyList<T> pool) => pool[random.Next(pool.Count)];

    private static string[] Some(Random random, IReadOnlyList<string> pool, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            var item = Pick(random, pool);
            if (!chosen.Contains(item, StringComparer.Ordinal))
            {
                chosen.Add(item);
            }
        }

        return [.. chosen];
    }

    private static string Describe(ActionRequest request, string audience, DateTimeOffset now) =>
        $"action '{request.Action}' on '{request.Resource}' at {audience}, {now:HH:mm:ss.fffffff} UTC, context {string.Join(", ", request.Context!.Select(p => $"{p.Key}={p.Value}"))}";

    private static string Describe(IEnumerable<AuthorizationDetail> details) =>
        string.Join(" | ", details.Select(d =>
            $"actions [{string.Join(",", d.Actions)}] locations [{string.Join(",", d.Locations ?? [])}] resources [{string.Join(",", d.Resources ?? [])}] " +
            $"max {d.Constraints?.MaxAmount} cur {d.Constraints?.Currency} dest [{string.Join(",", d.Constraints?.Destinations ?? [])}] window {d.Constraints?.TimeWindow?.Start}-{d.Constraints?.TimeWindow?.End}"));
}
