using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Logging;

/// <summary>
/// Every source-generated log event of our packages has an explicit id inside its package's range and no id is
/// used twice (docs/architecture.md, "Event ids", which lists the same ranges).
/// </summary>
public sealed class EventIdTests
{
    // Assembly name → inclusive range; keep in step with docs/architecture.md.
    private static readonly Dictionary<string, (int First, int Last)> Ranges = new(StringComparer.Ordinal)
    {
        ["ExecGov.Credentials.Shared"] = (1000, 1499),
        ["ExecGov.Credentials.Signing"] = (1500, 1999),
        ["ExecGov.Credentials.Verifier"] = (2000, 2499),
        ["ExecGov.Credentials.Verifier.Endpoint"] = (2500, 2999),
        ["ExecGov.Credentials.Verifier.AspNetCore"] = (3000, 3199),
        ["ExecGov.Credentials.Verifier.Mcp"] = (3200, 3499),
        ["ExecGov.Credentials.Agent"] = (4000, 4999),
        ["ExecGov.Credentials.Issuer"] = (5000, 5899),
        ["ExecGov.Credentials.Issuer.Server"] = (5900, 5999),
        ["ExecGov.Credentials.Revocation"] = (6000, 6999),
        ["ExecGov.Credentials.Cli"] = (7000, 7999),
    };

    // One type of each package this project can load (the Issuer.Server and Cli hosts log nothing of their own today).
    private static readonly Assembly[] Packages =
    [
        typeof(ExecGov.Credentials.Credentials.CredentialClaims).Assembly,
        typeof(CredentialVerifier).Assembly,
        typeof(ExecGov.Credentials.Verifier.AspNetCore.Decisions.DecisionRecorder).Assembly,
        typeof(ExecGov.Credentials.Verifier.Endpoint.Verify.VerifyHandler).Assembly,
        typeof(ExecGov.Credentials.Verifier.Mcp.CallToolEnforcement).Assembly,
        typeof(ExecGov.Credentials.Agent.AgentEventIds).Assembly,
        typeof(ExecGov.Credentials.Issuer.Policy.IssuancePolicyOptions).Assembly,
        typeof(ExecGov.Credentials.Revocation.RevocationResult).Assembly,
    ];

    [Fact]
    public void Every_event_id_lies_in_its_packages_range_and_is_used_once()
    {
        var seen = new Dictionary<int, string>();
        var problems = new List<string>();
        var count = 0;
        foreach (var assembly in Packages.Distinct())
        {
            var name = assembly.GetName().Name!;
            foreach (var (method, attribute) in LoggerMessages(assembly))
            {
                count++;
                var where = $"{method.DeclaringType!.FullName}.{method.Name}";
                if (!Ranges.TryGetValue(name, out var range))
                {
                    problems.Add($"{where}: assembly {name} has no event-id range; add one to docs/architecture.md and this test");
                    continue;
                }

                if (attribute.EventId < range.First || attribute.EventId > range.Last)
                {
                    problems.Add($"{where}: event id {attribute.EventId} is outside {name}'s range {range.First}-{range.Last}");
                }

                if (!seen.TryAdd(attribute.EventId, where))
                {
                    problems.Add($"{where}: event id {attribute.EventId} is already used by {seen[attribute.EventId]}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(count > 50, $"only {count} log events found; the reflection no longer sees the attributes");
    }

    [Fact]
    public void The_ranges_do_not_overlap()
    {
        var ordered = Ranges.OrderBy(r => r.Value.First).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].Value.First > ordered[i - 1].Value.Last, $"{ordered[i].Key} overlaps {ordered[i - 1].Key}");
        }
    }

    private static IEnumerable<(MethodInfo Method, LoggerMessageAttribute Attribute)> LoggerMessages(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(All))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } attribute)
                {
                    yield return (method, attribute);
                }
            }
        }
    }
}
