using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ExecGov.Credentials.EndToEnd.Tests.Hosts;

/// <summary>
/// A sample (payments API or MCP tool server) built by its own Program.Build, on real Kestrel at 127.0.0.1 on a free port,
/// configured the way an operator would: trusting the issuer through its metadata, shipping decisions with a
/// <c>verifier</c>-role client.
/// </summary>
internal sealed class SampleUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _contentRoot;

    private SampleUnderTest(WebApplication app, TempFolder contentRoot, Uri baseAddress, string ledgerPath)
    {
        _app = app;
        _contentRoot = contentRoot;
        BaseAddress = baseAddress;
        LedgerUri = new Uri(baseAddress, ledgerPath);
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public Uri LedgerUri { get; }

    /// <summary>A plain client, without credential.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SampleUnderTest> StartAsync(Func<string[], WebApplication> build, string ledgerPath, IssuerUnderTest issuer, string shippingClientId, string shippingSecret)
    {
        var contentRoot = new TempFolder("execgov-e2e-sample-");

        // The sample runs as in production, where the origin proofs name is configured: so its port is chosen first.
        var origin = $"http://127.0.0.1:{FreePort.Next()}";
        string[] args =
        [
            "--urls", origin,
            $"--Enforcement:PublicOrigin={origin}",
            $"--contentRoot={contentRoot.Path}",
            $"--Verifier:Issuers:0:Issuer={issuer.IssuerId}",
            $"--Verifier:Issuers:0:MetadataUri={issuer.MetadataUri}",
            $"--DecisionShipping:IssuerUrl={issuer.IssuerId}",
            $"--DecisionShipping:ClientId={shippingClientId}",
            $"--DecisionShipping:ClientSecret={shippingSecret}",
            "--DecisionShipping:FlushInterval=00:00:00.100",
            "--DecisionShipping:InitialBackoff=00:00:00.100",

            // Generous on a shared two-core machine: a first fetch on loopback takes milliseconds.
            "--StatusLists:FirstFetchTimeout=00:00:10",
            "--StatusLists:StreamReconnectMinimumDelay=00:00:00.100",
            "--StatusLists:StreamReconnectMaximumDelay=00:00:01",
            "--Logging:LogLevel:Default=Warning",
        ];
        try
        {
            var app = build(args);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new SampleUnderTest(app, contentRoot, new Uri(address.TrimEnd('/') + "/"), ledgerPath);
        }
        catch
        {
            contentRoot.Dispose();
            throw;
        }
    }

    /// <summary>The ledger's entries: what the sample actually executed.</summary>
    public async Task<JsonArray> LedgerAsync()
    {
        var ledger = JsonNode.Parse(await Http.GetStringAsync(LedgerUri))!;
        return ledger["entries"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _contentRoot.Dispose();
    }
}
