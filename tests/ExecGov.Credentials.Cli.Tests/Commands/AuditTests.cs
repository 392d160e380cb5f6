using ExecGov.Credentials.Cli.Tests.Support;

namespace ExecGov.Credentials.Cli.Tests.Commands;

public sealed class AuditTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    [Fact]
    public async Task Trace_of_a_credential_and_of_its_session_name_the_agent_and_the_authoriser()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);

        var results = await Task.WhenAll(
            fixture.Cli.RunAsync("--json", "audit", "trace", issued.CredentialId),
            fixture.Cli.RunAsync("--json", "audit", "trace", issued.SessionId),
            fixture.Cli.RunAsync("audit", "trace", issued.CredentialId));

        var byCredential = results[0].Expect(0).Json;
        Assert.Equal("credential", byCredential["kind"]!.GetValue<string>());
        var credential = byCredential["credentials"]![0]!;
        Assert.Equal(agent.Id, credential["agent"]!["id"]!.GetValue<string>());
        Assert.Equal("bootstrap-admin", credential["authoriser"]!["sub"]!.GetValue<string>());
        Assert.Contains(byCredential["events"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "credential_issued");
        Assert.Equal("session", results[1].Expect(0).Json["kind"]!.GetValue<string>());
        Assert.Contains("credential_issued", results[2].Expect(0).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_text_is_one_line_per_record_with_iso_times_and_no_json()
    {
        var agent = await fixture.RegisterAgentAsync();
        var issued = await fixture.IssueAsync(agent);
        (await fixture.Cli.RunAsync("revoke", "credential", issued.CredentialId, "--suspend", "--reason", "INC-7: checking", "--yes")).Expect(0);
        (await fixture.Cli.RunAsync("agents", "suspend", agent.Id, "--reason", "INC-7: checking")).Expect(0);

        var text = (await fixture.Cli.RunAsync("audit", "trace", issued.SessionId)).Expect(0).Stdout;
        var json = (await fixture.Cli.RunAsync("--json", "audit", "trace", issued.SessionId)).Expect(0).Json;

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Array.FindIndex(lines, l => l.StartsWith("Events for ", StringComparison.Ordinal));
        var records = lines[(header + 1)..];
        Assert.Equal(json["events"]!.AsArray().Count, records.Length);
        Assert.All(records, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  #\d+  [a-z_]+ by [^ ]+( \[cred_\w+\])?: \S", l));
        Assert.DoesNotContain("{\"", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{10}", text.Replace(issued.CredentialId, string.Empty, StringComparison.Ordinal).Replace(issued.SessionId, string.Empty, StringComparison.Ordinal));
        Assert.Contains(records, l => l.Contains($"revocation_recorded by bootstrap-admin [{issued.CredentialId}]: suspend credential", StringComparison.Ordinal));
        Assert.Contains(records, l => l.Contains("agent_suspended by bootstrap-admin", StringComparison.Ordinal));
        Assert.Contains("  scope       payments.release on invoice:2026-118, at most 500 EUR", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_of_an_unknown_id_is_exit_3()
    {
        (await fixture.Cli.RunAsync("audit", "trace", "cred_nothing")).ExpectOneLineError(3, "trace_not_found");
    }

    [Fact]
    public async Task Verify_reports_an_intact_chain()
    {
        var result = (await fixture.Cli.RunAsync("--json", "audit", "verify")).Expect(0).Json;

        Assert.True(result["intact"]!.GetValue<bool>());
        Assert.True(result["record_count"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task Verify_offline_checks_a_stopped_issuers_database_file()
    {
        await using var issuer = await IssuerProcess.StartAsync();
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), issuer.Url);
        (await cli.RunAsync("login", "--secret-file", issuer.BootstrapSecretFile)).Expect(0);
        var online = (await cli.RunAsync("--json", "audit", "verify")).Expect(0).Json;
        await issuer.StopAsync();

        var offline = (await cli.RunAsync("--json", "audit", "verify", "--database", issuer.DatabaseFile)).Expect(0).Json;
        var missing = await cli.RunAsync("audit", "verify", "--database", folder.File("nothing.db"));

        Assert.True(offline["intact"]!.GetValue<bool>());
        Assert.Equal(online["last_hash"]!.GetValue<string>(), offline["last_hash"]!.GetValue<string>());
        missing.ExpectOneLineError(3, "does not exist");
    }

    [Fact]
    public async Task Verify_offline_lists_every_broken_record_with_its_position()
    {
        await using var issuer = await IssuerProcess.StartAsync();
        using var folder = new TempFolder();
        var cli = new CliProcess(folder.File("config"), issuer.Url);
        (await cli.RunAsync("login", "--secret-file", issuer.BootstrapSecretFile)).Expect(0);
        await issuer.StopAsync();
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = issuer.DatabaseFile, Connection = LiteDB.ConnectionType.Direct }))
        {
            var audit = db.GetCollection("audit");
            Assert.True(audit.Count() >= 3, "the issuer wrote at least three audit records");
            foreach (var seq in new[] { 1L, 3L })
            {
                var record = audit.FindById(seq);
                record["Actor"] = "mallory";
                audit.Update(record);
            }
        }

        var json = (await cli.RunAsync("--json", "audit", "verify", "--database", issuer.DatabaseFile)).Expect(4).Json;
        var text = (await cli.RunAsync("audit", "verify", "--database", issuer.DatabaseFile)).Expect(4).Stdout;

        Assert.False(json["intact"]!.GetValue<bool>());
        Assert.Equal([1L, 3L], json["breaks"]!.AsArray().Select(b => b!["seq"]!.GetValue<long>()));
        Assert.Contains("record 1 (position 1): hash_mismatch", text, StringComparison.Ordinal);
        Assert.Contains("record 3 (position 3): hash_mismatch", text, StringComparison.Ordinal);
    }
}
