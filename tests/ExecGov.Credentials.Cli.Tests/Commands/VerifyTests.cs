using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class VerifyTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private static readonly string[] Payment =
    [
        "--action", "payments.release", "--resource", "invoice:2026-118", "--method", "POST",
        "--url", "https://payments.example/v1/payments/2026-118/release", "--audience", "payments-api",
    ];

    [Fact]
    public async Task Local_verify_allows_a_presentation_within_scope_and_denies_one_over_the_limit()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);

        var results = await Task.WhenAll(
            fixture.Cli.RunAsync(["--json", "verify", "--credential", issued.File, "--key", agent.KeyFile, .. Payment, "--context", "amount=120.50", "--context", "currency=EUR"]),
            fixture.Cli.RunAsync(["--json", "verify", "--credential", issued.File, "--key", agent.KeyFile, .. Payment, "--context", "amount=900", "--context", "currency=EUR"]),
            fixture.Cli.RunAsync(["--json", "verify", "--credential", issued.File, .. Payment, "--context", "amount=1", "--context", "currency=EUR"]),
            fixture.Cli.RunAsync(["verify", "--credential", issued.File, "--key", agent.KeyFile, .. Payment, "--context", "amount=900", "--context", "currency=EUR"]));

        var allow = results[0].Expect(0).Json;
        Assert.Equal("allow", allow["decision"]!.GetValue<string>());
        Assert.Equal(agent.Id, allow["agent"]!.GetValue<string>());
        Assert.Equal("bootstrap-admin", allow["authoriser"]!.GetValue<string>());
        Assert.Equal("constraint_violated", results[1].Expect(4).Json["reason"]!.GetValue<string>());
        Assert.Equal("proof_missing", results[2].Expect(4).Json["reason"]!.GetValue<string>());
        Assert.StartsWith("deny: constraint_violated", results[3].Expect(4).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_verify_denies_a_revoked_credential()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);
        (await fixture.Cli.RunAsync("revoke", "credential", issued.CredentialId, "--reason", "test", "--yes")).Expect(0);

        var result = await fixture.Cli.RunAsync(["--json", "verify", "--credential", issued.File, "--key", agent.KeyFile, .. Payment, "--context", "amount=1", "--context", "currency=EUR"]);

        Assert.Equal("revoked", result.Expect(4).Json["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verify_at_a_verifier_endpoint_gets_the_endpoints_decision()
    {
        await using var endpoint = await ServiceProcess.StartAsync(
            Artifacts.VerifierEndpoint,
            port =>
            [
                "--urls", $"http://127.0.0.1:{port}",
                "--Verifier:Audience=payments-api",
                $"--Verifier:Issuers:0:Issuer={fixture.Issuer.Url}",
                $"--Verifier:Issuers:0:MetadataUri={fixture.Issuer.Url}/.well-known/execgov-issuer",
                "--Logging:LogLevel:Default=Warning",
            ],
            "healthz",
            fixture.Work);
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);

        var allow = await fixture.Cli.RunAsync(["--json", "verify", "--endpoint", endpoint.Url, "--credential", issued.File, "--key", agent.KeyFile, .. Payment,
            "--context", "amount=120.50", "--context", "currency=EUR"]);
        var deny = await fixture.Cli.RunAsync("--json", "verify", "--endpoint", endpoint.Url, "--credential", issued.File, "--key", agent.KeyFile,
            "--action", "payroll.run", "--method", "POST", "--url", "https://payments.example/v1/payroll/run");
        var down = await fixture.Cli.RunAsync(["verify", "--endpoint", $"http://127.0.0.1:{FreePort.Next()}", "--credential", issued.File, .. Payment]);

        Assert.Equal("allow", allow.Expect(0).Json["decision"]!.GetValue<string>());
        Assert.Equal("scope_denied", deny.Expect(4).Json["reason"]!.GetValue<string>());
        down.ExpectOneLineError(5, "Cannot reach the verifier endpoint", "ExecGov.Credentials.Verifier.Endpoint");
    }
}
