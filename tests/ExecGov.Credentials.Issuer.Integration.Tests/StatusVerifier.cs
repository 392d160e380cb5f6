using ExecGov.Credentials.Agent.Proofs;
using System.Diagnostics;
using System.Globalization;
using ExecGov.Credentials.Proofs;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// A real <see cref="CredentialVerifier"/> with the real <see cref="StatusListStatusSource"/> (push and poll),
/// composed the way a service composes it, trusting the live issuer: through its metadata document (JWKS,
/// status-list base and event stream), or — without push — through its JWKS and status-list base only.
/// Status is required. Its network to the issuer goes through a <see cref="StreamControl"/>.
/// </summary>
internal sealed class StatusVerifier : IAsyncDisposable
{
    public static readonly Uri Target = new("https://payments.execgov.test/v1/payments");

    private readonly IHost _host;

    private StatusVerifier(IHost host, StreamControl network)
    {
        _host = host;
        Network = network;
    }

    public StreamControl Network { get; }

    public CredentialVerifier Verifier => _host.Services.GetRequiredService<CredentialVerifier>();

    public StatusListStatusSource Status => _host.Services.GetRequiredService<StatusListStatusSource>();

    /// <param name="issuer">The issuer to trust.</param>
    /// <param name="push">True: configured from the metadata, event stream included. False: JWKS and status-list base only, so it polls.</param>
    /// <param name="configure">Further status-source settings.</param>
    /// <param name="configureVerifier">Further verifier settings, applied after the defaults above.</param>
    public static async Task<StatusVerifier> StartAsync(IssuerHost issuer, bool push = true, Action<StatusListOptions>? configure = null, Action<CredentialVerifierOptions>? configureVerifier = null)
    {
        var network = new StreamControl();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Services.AddLogging();
        builder.Services.AddCredentialVerifier(options =>
        {
            options.Audience = TestAgents.Audience;
            options.RequireStatus = true;
            options.VerifiedCredentialCacheSize = 0;
            options.JwksMinimumRefreshInterval = TimeSpan.FromSeconds(1);
            options.Issuers.Add(push
                ? new TrustedIssuerOptions { Issuer = IssuerHost.IssuerId, MetadataUri = issuer.MetadataUri }
                : new TrustedIssuerOptions
                {
                    Issuer = IssuerHost.IssuerId,
                    JwksUri = new Uri(issuer.BaseAddress, "/.well-known/jwks.json"),
                    StatusListBase = new Uri(issuer.BaseAddress, "/status-lists"),
                });
            configureVerifier?.Invoke(options);
        });
        builder.Services.AddStatusListStatusSource(options =>
        {
            // Generous first fetch on a loaded 2-core machine; quick reconnects so a test does not wait on backoff.
            options.FirstFetchTimeout = TimeSpan.FromSeconds(10);
            options.StreamReconnectMinimumDelay = TimeSpan.FromMilliseconds(50);
            options.StreamReconnectMaximumDelay = TimeSpan.FromMilliseconds(500);
            configure?.Invoke(options);
        });
        builder.Services.AddHttpClient(StatusListServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectCallback = network.ConnectAsync })
            .AddHttpMessageHandler(network.CreateHandler);
        var host = builder.Build();
        await host.StartAsync();
        return new StatusVerifier(host, network);
    }

    /// <summary>Verifies <paramref name="credential"/> for one action with a fresh holder proof.</summary>
    public ValueTask<Decision> VerifyAsync(string credential, TestAgent agent, string action = "payments.read", string resource = "invoice:2026-118", decimal? amount = null)
    {
        var proof = ProofWriter.Create(agent.Key, agent.Key.PublicKeyBytes.Span, "POST", Target, credential, DateTimeOffset.UtcNow);
        var context = new Dictionary<string, string> { ["currency"] = "EUR" };
        if (amount is { } value)
        {
            context["amount"] = value.ToString(CultureInfo.InvariantCulture);
        }

        return Verifier.VerifyAsync(new Presentation(credential, proof), new ActionRequest
        {
            Action = action,
            Resource = resource,
            Method = "POST",
            Target = Target,
            Context = context,
        });
    }

    /// <summary>Verifies (a fresh proof each time) until the decision's reason is one of <paramref name="expected"/>, or fails after <paramref name="within"/>.</summary>
    public async Task<Decision> VerifyUntilAsync(string credential, TestAgent agent, TimeSpan within, params ReasonCode[] expected)
    {
        var clock = Stopwatch.StartNew();
        Decision decision;
        while (true)
        {
            decision = await VerifyAsync(credential, agent);
            if (expected.Contains(decision.Reason))
            {
                return decision;
            }

            Assert.True(clock.Elapsed < within, $"Still {decision.Reason.ToWireString()} after {clock.Elapsed}; expected {string.Join(" or ", expected.Select(e => e.ToWireString()))}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the verifier is subscribed to the issuer's event stream.</summary>
    public async Task WaitForStreamAsync(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!Status.GetHealth()[0].StreamConnected)
        {
            Assert.True(clock.Elapsed < within, "The verifier did not connect to the event stream in time.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
