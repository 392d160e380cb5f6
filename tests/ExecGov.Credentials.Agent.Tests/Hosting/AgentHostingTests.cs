using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Credentials;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Agent.Tests.Hosting;

public sealed class AgentHostingTests
{
    [Fact]
    public async Task Start_up_fails_without_an_agent_id_issuer_or_key()
    {
        using var host = Host.CreateDefaultBuilder().ConfigureServices(s => s.AddExecGovAgent(_ => { })).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("AgentId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Issuer", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("KeyPath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_fails_for_an_http_issuer_off_loopback()
    {
        using var temp = new TempFolder();
        using var host = Host.CreateDefaultBuilder().ConfigureServices(s => s.AddExecGovAgent(o =>
        {
            o.AgentId = "agent-1";
            o.Issuer = "http://issuer.example";
            o.KeyPath = temp.File("key.json");
            o.CreateKeyIfMissing = true;
        })).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_fails_for_a_credential_without_audience_and_names_the_client()
    {
        using var temp = new TempFolder();
        using var host = Host.CreateDefaultBuilder().ConfigureServices(s =>
        {
            s.AddExecGovAgent(o =>
            {
                o.AgentId = "agent-1";
                o.Issuer = "https://issuer.example";
                o.KeyPath = temp.File("key.json");
                o.CreateKeyIfMissing = true;
            });
            s.AddHttpClient("payments").AddExecGovCredential(c => c.AuthorizationDetails.Add(new AuthorizationDetail { Actions = ["payments.release"] }));
        }).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AgentCredential 'payments': Audience", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_creates_the_key_when_asked_and_clients_sign_proofs_with_it()
    {
        await using var harness = await AgentHarness.StartAsync();
        var target = new RecordingHandler();
        using var host = Host.CreateDefaultBuilder().ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(harness.Time);
            s.AddExecGovAgent(o =>
            {
                o.AgentId = harness.Agent.AgentId;
                o.Issuer = harness.Issuer.Issuer;
                o.KeyPath = harness.Agent.KeyPath;
            });
            s.AddHttpClient("payments")
                .AddExecGovCredential(c =>
                {
                    c.Audience.Add(AgentHarness.Audience);
                    c.AuthorizationDetails.Add(new AuthorizationDetail { Actions = ["payments.release"] });
                })
                .ConfigurePrimaryHttpMessageHandler(() => target);
        }).Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("payments");
        using (await client.GetAsync(new Uri("https://payments.execgov.test/v1/x")))
        using (await client.GetAsync(new Uri("https://payments.execgov.test/v1/y")))
        {
        }

        Assert.Equal(harness.Key.Thumbprint, host.Services.GetRequiredService<AgentKey>().Thumbprint);
        Assert.Equal(1, harness.Issuer.CredentialRequests);
        Assert.Equal(2, target.Requests.Select(r => Assert.Single(r.Proofs)).Distinct().Count());
        await host.StopAsync();
    }
}
