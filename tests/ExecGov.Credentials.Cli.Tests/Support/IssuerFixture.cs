using Bogus;

namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// One running issuer per test class, with a CLI signed in as the bootstrap admin (admin, responder, auditor) and
/// the bootstrap approver <c>approver-ines</c> (role approver, person ines) in the profile <c>ines</c>, for four-eyes approvals.
/// </summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new("execgov-cli-fixture-");
    private int _agents;

    internal IssuerProcess Issuer { get; private set; } = null!;

    internal CliProcess Cli { get; private set; } = null!;

    internal Faker Faker { get; } = new() { Random = new Randomizer(6006) };

    internal string Work => _folder.Path;

    /// <summary>The payments ceiling every test agent gets: read any invoice; release up to 5,000 EUR.</summary>
    internal string CeilingFile => Path.Combine(Work, "ceiling.json");

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(CeilingFile, """
            [
              { "type": "execgov_action", "actions": ["invoices.read"], "resources": ["invoice:*"] },
              { "type": "execgov_action", "actions": ["payments.release"], "resources": ["invoice:*"],
                "constraints": { "max_amount": 5000, "currency": "EUR" } }
            ]
            """);
        Issuer = await IssuerProcess.StartAsync();
        Cli = new CliProcess(Path.Combine(_folder.Path, "config"), Issuer.Url);
        (await Cli.RunAsync("login", "--secret-file", Issuer.BootstrapSecretFile)).Expect(0);
        (await Cli.RunAsync("--profile", "ines", "login", "--secret-file", Issuer.BootstrapApproverSecretFile)).Expect(0);
    }

    public async Task DisposeAsync()
    {
        await Issuer.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>A fresh agent id, unique within this fixture.</summary>
    internal string NextAgentId() => $"agent-{Faker.Hacker.Noun().Replace(' ', '-').ToLowerInvariant()}-{Interlocked.Increment(ref _agents)}";

    /// <summary>Creates an agent key file (through the Agent SDK) and registers the agent with a payments ceiling.</summary>
    internal async Task<TestAgent> RegisterAgentAsync(string? id = null)
    {
        id ??= NextAgentId();
        var keyFile = Path.Combine(Work, id + ".key.json");
        using (ExecGov.Credentials.Agent.Keys.AgentKey.Create(keyFile))
        {
        }

        (await Cli.RunAsync(
            "agents", "register", "--id", id, "--public-key", keyFile, "--owner", Faker.Company.CompanyName(),
            "--audience", "payments-api", "--scope-file", CeilingFile, "--max-lifetime", "10m")).Expect(0);
        return new TestAgent(id, keyFile);
    }

    /// <summary>Issues a low-risk credential to <paramref name="agent"/> and returns its id and file.</summary>
    internal async Task<(string CredentialId, string SessionId, string File)> IssueAsync(TestAgent agent, string? session = null)
    {
        var file = Path.Combine(Work, $"{agent.Id}-{Guid.NewGuid():N}.jwt");
        string[] sessionArgs = session is null ? [] : ["--session", session];
        var result = (await Cli.RunAsync(
            ["--json", "credentials", "issue", "--agent", agent.Id, "--audience", "payments-api", "--action", "payments.release",
             "--resource", "invoice:2026-118", "--max-amount", "500", "--currency", "EUR", "--lifetime", "5m", "--out", file, .. sessionArgs])).Expect(0);
        return (result.Json["credential_id"]!.GetValue<string>(), result.Json["session_id"]!.GetValue<string>(), file);
    }
}

/// <summary>A registered agent and its key file.</summary>
internal sealed record TestAgent(string Id, string KeyFile);
