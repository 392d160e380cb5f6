using System.Net;
using System.Text.Json.Nodes;
using ExecGov.Credentials.EndToEnd.Tests.Hosts;

namespace ExecGov.Credentials.EndToEnd.Tests.Agent;

/// <summary>The sample agent's command line as samples/README.md documents it: outputs, exit codes, one-line errors.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // key files are guarded by POSIX modes (0600)
[Collection(EndToEndCollection.Name)]
public sealed class SampleAgentCommandLineTests(EndToEndFixture system)
{
    [Fact]
    public async Task Keygen_creates_a_0600_key_once_and_prints_only_the_public_jwk()
    {
        var key = system.Folder.File("keygen-test/agent-key.json");
        var jwkOut = system.Folder.File("keygen-test.jwk");

        var first = await SampleAgent.RunAsync("keygen", "--key", key, "--jwk-out", jwkOut);
        var second = await SampleAgent.RunAsync("keygen", "--key", key);

        Assert.True(first.ExitCode == 0, first.ToString());
        var jwk = JsonNode.Parse(first.Stdout)!.AsObject();
        Assert.Equal(("OKP", "Ed25519"), (jwk["kty"]!.GetValue<string>(), jwk["crv"]!.GetValue<string>()));
        Assert.False(jwk.ContainsKey("d"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        Assert.Equal(first.Stdout.Trim(), File.ReadAllText(jwkOut).Trim());
        Assert.Equal((0, first.Stdout), (second.ExitCode, second.Stdout));
    }

    [Fact]
    public async Task Run_requests_a_self_service_credential_then_calls_the_api()
    {
        var agent = await system.NewAgentAsync("cli-reader");
        var invoice = system.NextInvoice();

        var run = await SampleAgent.RunAsync("run", "--key", agent.KeyPath, "--agent-id", agent.Id, "--issuer", system.Issuer.IssuerId,
            "--audience", EndToEndFixture.ApiAudience, "--action", "invoices.read", "--resource", $"invoice:{invoice}",
            "--url", new Uri(system.Api.BaseAddress, $"v1/invoices/{invoice}").ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("200", run.Lines[0]);
        Assert.Equal(invoice, JsonNode.Parse(run.Lines[1])!["invoice"]!.GetValue<string>());
        Assert.Contains($"authorised by {system.AdminId}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_waits_for_a_human_approver_when_the_scope_is_consequential()
    {
        var agent = await system.NewAgentAsync("cli-payer");
        var invoice = system.NextInvoice();
        var executed = (await system.Api.LedgerAsync()).Count;

        var run = SampleAgent.RunAsync("run", "--key", agent.KeyPath, "--agent-id", agent.Id, "--issuer", system.Issuer.IssuerId,
            "--audience", EndToEndFixture.ApiAudience, "--action", "payments.release", "--resource", $"invoice:{invoice}", "--max-amount", "300", "--currency", "EUR",
            "--url", new Uri(system.Api.BaseAddress, $"v1/payments/{invoice}/release").ToString(),
            "--json", $$"""{"amount": 299.99, "currency": "EUR", "destination": "{{system.NextIban()}}"}""");
        var approvalId = await system.DecidePendingAsync(agent.Id);
        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("200", result.Lines[0]);
        Assert.Contains(approvalId, result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"authorised by {EndToEndFixture.Approver}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(executed + 1, (await system.Api.LedgerAsync()).Count);
    }

    [Theory]
    [InlineData("missing option", new[] { "call", "--method", "GET", "--url", "http://127.0.0.1:5090/v1/invoices/1" }, "--key")]
    [InlineData("relative url", new[] { "call", "--key", "{key}", "--credential-file", "{credential}", "--method", "GET", "--url", "/v1/invoices/1" }, "--url must be an absolute")]
    [InlineData("bad json", new[] { "call", "--key", "{key}", "--credential-file", "{credential}", "--method", "POST", "--url", "http://127.0.0.1:5090/x", "--json", "{\"amount\": " }, "--json is not valid JSON")]
    [InlineData("bad method", new[] { "call", "--key", "{key}", "--credential-file", "{credential}", "--method", "get it", "--url", "http://127.0.0.1:5090/x" }, "--method must be")]
    [InlineData("no credential file", new[] { "call", "--key", "{key}", "--credential-file", "{missing}", "--method", "GET", "--url", "http://127.0.0.1:5090/x" }, "cannot read credential file")]
    [InlineData("args not an object", new[] { "mcp", "--key", "{key}", "--credential-file", "{credential}", "--url", "http://127.0.0.1:5091/mcp", "--tool", "get_invoice", "--args", "[1]" }, "--args must be a JSON object")]
    [InlineData("unknown command", new[] { "transfer", "--everything" }, "transfer")]
    public async Task Bad_input_is_one_line_on_stderr_and_exit_code_2(string what, string[] args, string message)
    {
        var credential = system.SaveCredential("cli-bad-input.jwt", "eyJhbGciOiJFZERTQSJ9.e30.c2ln");
        var resolved = args.Select(a => a.Replace("{key}", system.KeyPath, StringComparison.Ordinal)
            .Replace("{credential}", credential, StringComparison.Ordinal)
            .Replace("{missing}", system.Folder.File("no-such-credential"), StringComparison.Ordinal)).ToArray();

        var run = await SampleAgent.RunAsync(resolved);

        Assert.True(run.ExitCode == 2, $"{what}: {run}");
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_file_others_can_read_is_refused_with_the_fix()
    {
        var path = system.Folder.File("leaky-key.json");
        Assert.Equal(0, (await SampleAgent.RunAsync("keygen", "--key", path)).ExitCode);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await SampleAgent.RunAsync("call", "--key", path, "--credential-file", system.SaveCredential("leaky.jwt", "eyJhbGciOiJFZERTQSJ9.e30.c2ln"),
            "--method", "GET", "--url", "http://127.0.0.1:5090/v1/invoices/1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("chmod 600", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_cannot_be_reached_is_exit_code_1()
    {
        var run = await SampleAgent.RunAsync("call", "--key", system.KeyPath, "--credential-file", system.SaveCredential("unreachable.jwt", "eyJhbGciOiJFZERTQSJ9.e30.c2ln"),
            "--method", "GET", "--url", $"http://127.0.0.1:{FreePort.Next()}/v1/invoices/1");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("error: GET http://127.0.0.1:", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reports_the_issuers_refusal_and_exit_code_1()
    {
        var agent = await system.NewAgentAsync("cli-outsider");

        var run = await SampleAgent.RunAsync("run", "--key", agent.KeyPath, "--agent-id", agent.Id, "--issuer", system.Issuer.IssuerId,
            "--audience", "hr-api", "--action", "invoices.read", "--resource", "invoice:*", "--url", new Uri(system.Api.BaseAddress, "v1/invoices/1").ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("IssuerRefused, audience_not_allowed", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await system.Issuer.Http.GetAsync("healthz")).StatusCode);
    }
}
