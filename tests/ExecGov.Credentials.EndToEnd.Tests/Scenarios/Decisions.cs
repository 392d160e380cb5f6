using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExecGov.Credentials.EndToEnd.Tests.Hosts;

namespace ExecGov.Credentials.EndToEnd.Tests.Scenarios;

/// <summary>The decisions a scenario saw, and the check that the issuer's audit trace holds each of them with its authoriser.</summary>
internal sealed partial class Decisions
{
    private readonly List<(string CredentialId, string DecisionId, string Reason)> _seen = [];

    public void Add(string credentialId, string decisionId, string reason) => _seen.Add((credentialId, decisionId, reason));

    /// <summary>The decision id in an MCP denial or tool result text: <c>… (decision 0193…)</c>.</summary>
    public static string IdInText(string text) => DecisionIdPattern().Match(text) is { Success: true } match
        ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"No decision id in '{text}'.");

    /// <summary>
    /// Waits until <c>GET /v1/audit/trace/{credential}</c> shows every decision seen for each credential as a
    /// <c>decision_recorded</c> event with its reason and the credential's authoriser, the human who approved it.
    /// </summary>
    public async Task AssertTracedAsync(EndToEndFixture system, string authoriser)
    {
        foreach (var group in _seen.GroupBy(d => d.CredentialId))
        {
            var trace = await Eventually.ValueAsync(async () =>
            {
                var trace = await system.Issuer.SendJsonAsync(HttpMethod.Get, $"v1/audit/trace/{group.Key}", system.AuditorToken, null, HttpStatusCode.OK);
                var recorded = RecordedIds(trace);
                return group.All(d => recorded.Contains(d.DecisionId)) ? trace : null;
            }, $"the trace of {group.Key} to show decisions {string.Join(", ", group.Select(d => d.Reason))}");

            var credential = Assert.Single(trace["credentials"]!.AsArray())!;
            Assert.Equal(authoriser, credential["authoriser"]!["sub"]!.GetValue<string>());
            Assert.Equal(authoriser, credential["approval"]!["decided_by"]!.GetValue<string>());
            Assert.Equal(EndToEndFixture.AgentId, credential["agent"]!["id"]!.GetValue<string>());
            foreach (var (_, decisionId, reason) in group)
            {
                var recorded = trace["events"]!.AsArray().Single(e =>
                    e!["kind"]!.GetValue<string>() == "decision_recorded" && e["details"]!["decision_id"]!.GetValue<string>() == decisionId)!;
                var details = recorded["details"]!;
                Assert.Equal(reason, details["reason"]!.GetValue<string>());
                Assert.Equal(reason == "allowed" ? "allow" : "deny", details["decision"]!.GetValue<string>());
                Assert.Equal(authoriser, details["authoriser"]!.GetValue<string>());
                Assert.Equal(group.Key, recorded["credential_id"]!.GetValue<string>());
                Assert.Equal(EndToEndFixture.AgentId, recorded["agent_id"]!.GetValue<string>());
            }
        }
    }

    private static HashSet<string> RecordedIds(JsonNode trace) =>
        trace["events"]!.AsArray()
            .Where(e => e!["kind"]!.GetValue<string>() == "decision_recorded")
            .Select(e => e!["details"]!["decision_id"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\(decision ([0-9a-f]{32})\)", RegexOptions.CultureInvariant)]
    private static partial Regex DecisionIdPattern();
}
