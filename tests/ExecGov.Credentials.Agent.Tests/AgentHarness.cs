using Bogus;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Agent.Tests.Issuer;
using ExecGov.Credentials.Credentials;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Agent.Tests;

/// <summary>An agent key in a temp folder, a fake issuer on Kestrel that knows it, and options for both, on a fake clock.</summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    public const string Audience = "payments-api";
    private static readonly Faker Faker = new() { Random = new Randomizer(9449) };

    private AgentHarness(TempFolder temp, AgentKey key, FakeIssuer issuer, FakeTimeProvider time, string agentId)
    {
        Temp = temp;
        Key = key;
        Issuer = issuer;
        Time = time;
        Recorder = new RecordingHandler(new SocketsHttpHandler());
        IssuerHttp = new HttpClient(Recorder);
        Agent = new ExecGovAgentOptions { AgentId = agentId, Issuer = issuer.Issuer, KeyPath = temp.File("agent-key.json") };
        Options = new AgentCredentialOptions { ApprovalPollInterval = TimeSpan.FromSeconds(2) };
        Options.Audience.Add(Audience);
        Options.AuthorizationDetails.Add(new AuthorizationDetail
        {
            Actions = ["payments.release"],
            Locations = [Audience],
            Resources = ["invoice:*"],
            Constraints = new ActionConstraints { MaxAmount = 500m, Currency = "EUR" },
        });
    }

    public TempFolder Temp { get; }

    public AgentKey Key { get; }

    public FakeIssuer Issuer { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Records the requests the SDK sends to the issuer.</summary>
    public RecordingHandler Recorder { get; }

    public HttpClient IssuerHttp { get; }

    public ExecGovAgentOptions Agent { get; }

    public AgentCredentialOptions Options { get; }

    public static async Task<AgentHarness> StartAsync()
    {
        var temp = new TempFolder();
        var key = AgentKey.Create(temp.File("agent-key.json"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));
        var agentId = $"agent-{Faker.Internet.DomainWord()}-{Faker.Random.AlphaNumeric(6)}";
        var issuer = await FakeIssuer.StartAsync(agentId, key.PublicJwk, time);
        return new AgentHarness(temp, key, issuer, time, agentId);
    }

    public AgentCredentialProvider CreateProvider() => new(Key, Agent, Options, IssuerHttp, Time);

    /// <summary>Moves the fake clock forward until <paramref name="task"/> completes (timers fire as time passes), with a real-time deadline.</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!task.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, "the task did not complete while the fake clock advanced");
            Time.Advance(step);
            await Task.WhenAny(task, Task.Delay(10));
        }

        return await task;
    }

    public async ValueTask DisposeAsync()
    {
        IssuerHttp.Dispose();
        await Issuer.DisposeAsync();
        Key.Dispose();
        Temp.Dispose();
    }
}
