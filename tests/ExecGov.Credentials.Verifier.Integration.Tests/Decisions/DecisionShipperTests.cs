using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bogus;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using ExecGov.Credentials.Verifier.Integration.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Integration.Tests.Decisions;

public sealed class DecisionShipperTests : IAsyncLifetime
{
    private static readonly string[] ContractMembers =
        ["decision_id", "decided_at", "decision", "reason", "agent", "authoriser", "credential_id", "session_id", "issuer", "audience", "action", "resource"];

    private readonly Faker _faker = new() { Random = new Randomizer(3001) };
    private readonly CapturingLoggerProvider _logs = new();
    private FakeAuditIssuer _issuer = null!;
    private readonly List<ServiceProvider> _providers = [];

    public async Task InitializeAsync() => _issuer = await FakeAuditIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Records_are_shipped_in_order_in_batches_of_at_most_MaxBatchSize_with_the_documented_members()
    {
        var shipper = Create(o => o.MaxBatchSize = 3);
        var records = Write(shipper, 7);

        await shipper.StartAsync(default);
        await EventuallyAsync(() => shipper.Shipped == 7);
        await shipper.StopAsync(default);

        var batches = _issuer.Accepted.ToArray();
        Assert.Equal([3, 3, 1], batches.Select(b => b["records"]!.AsArray().Count));
        Assert.Equal(records.Select(r => r.DecisionId), batches.SelectMany(b => b["records"]!.AsArray()).Select(r => r!["decision_id"]!.GetValue<string>()));
        Assert.All(batches, b => Assert.Equal("payments-api-1", b["verifier"]!.GetValue<string>()));
        var first = batches[0]["records"]![0]!.AsObject();
        Assert.Equal(ContractMembers.Order(), first.Select(m => m.Key).Order());
        Assert.Equal(records[0].DecidedAt, DateTimeOffset.Parse(first["decided_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, _issuer.TokenRequests);
    }

    [Fact]
    public async Task Caller_controlled_text_is_fitted_to_the_issuers_limits_so_one_record_cannot_sink_its_batch()
    {
        var shipper = Create();
        var longResource = "invoice:" + new string('9', 400);
        Assert.True(shipper.TryWrite(Record(1) with { Resource = longResource, Action = "mcp-tool:evil\nname", Audience = "  " }));

        await shipper.StartAsync(default);
        await EventuallyAsync(() => shipper.Shipped == 1);
        await shipper.StopAsync(default);

        var shipped = Assert.Single(_issuer.Accepted)["records"]![0]!.AsObject();
        var resource = shipped["resource"]!.GetValue<string>();
        Assert.Equal(256, resource.Length);
        Assert.StartsWith("invoice:999", resource, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", resource, StringComparison.Ordinal);
        Assert.Equal("mcp-tool:evil\uFFFDname", shipped["action"]!.GetValue<string>());
        Assert.False(shipped.ContainsKey("audience"));
    }

    [Fact]
    public async Task A_batch_is_retried_after_503s_until_the_issuer_takes_it()
    {
        _issuer.Script.Enqueue(503);
        _issuer.Script.Enqueue(503);
        var shipper = Create();
        var records = Write(shipper, 2);

        await shipper.StartAsync(default);
        await EventuallyAsync(() => shipper.Shipped == 2);
        await shipper.StopAsync(default);

        Assert.Equal(3, _issuer.Received.Count);
        Assert.All(_issuer.Received, b => Assert.Equal(records.Select(r => r.DecisionId), b["records"]!.AsArray().Select(r => r!["decision_id"]!.GetValue<string>())));
        Assert.Equal(0, shipper.Failed);
        Assert.Equal(2, _logs.WithEvent(3101).Count());
    }

    [Fact]
    public async Task A_full_queue_drops_its_oldest_records_counts_them_and_ships_the_newest()
    {
        var shipper = Create(o => o.QueueCapacity = 5);
        var records = Write(shipper, 8);
        Assert.Equal((3L, 5), (shipper.Dropped, shipper.Queued));

        await shipper.StartAsync(default);
        await EventuallyAsync(() => shipper.Shipped == 5);
        await shipper.StopAsync(default);

        Assert.Equal(records.Skip(3).Select(r => r.DecisionId), _issuer.Accepted.SelectMany(b => b["records"]!.AsArray()).Select(r => r!["decision_id"]!.GetValue<string>()));
        Assert.Equal(3L, Assert.Single(_logs.WithEvent(3103)).State["Count"]);
    }

    [Fact]
    public async Task Writing_never_waits_for_a_stuck_issuer()
    {
        _issuer.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var shipper = Create(o => o.QueueCapacity = 5);
        await shipper.StartAsync(default);
        Write(shipper, 1);
        await EventuallyAsync(() => !_issuer.Received.IsEmpty);

        Write(shipper, 20); // every write returns at once, into a queue of 5

        Assert.Equal((15L, 5), (shipper.Dropped, shipper.Queued));
        _issuer.Gate.SetResult();
        await EventuallyAsync(() => shipper.Shipped == 6);
        await shipper.StopAsync(default);
    }

    [Fact]
    public async Task A_batch_the_issuer_refuses_is_not_retried()
    {
        _issuer.Script.Enqueue(400);
        var shipper = Create();
        Write(shipper, 2);

        await shipper.StartAsync(default);
        await EventuallyAsync(() => shipper.Rejected == 2);
        Write(shipper, 1);
        await EventuallyAsync(() => shipper.Shipped == 1);
        await shipper.StopAsync(default);

        Assert.Equal(2, _issuer.Posts);
        Assert.Single(_logs.WithEvent(3104));
    }

    [Fact]
    public async Task A_401_signs_in_again_and_retries()
    {
        var shipper = Create();
        await shipper.StartAsync(default);
        Write(shipper, 1);
        await EventuallyAsync(() => shipper.Shipped == 1);

        _issuer.RevokeTokens();
        Write(shipper, 1);
        await EventuallyAsync(() => shipper.Shipped == 2);
        await shipper.StopAsync(default);

        Assert.Equal(2, _issuer.TokenRequests);
        Assert.Equal(3, _issuer.Posts);
    }

    [Fact]
    public async Task A_batch_is_given_up_after_MaxAttempts_and_stays_in_the_log_only()
    {
        for (var i = 0; i < 3; i++)
        {
            _issuer.Script.Enqueue(503);
        }

        var shipper = Create(o => o.MaxAttempts = 3);
        Write(shipper, 4);

        await shipper.StartAsync(default);
        await EventuallyAsync(() => shipper.Failed == 4);
        await shipper.StopAsync(default);

        Assert.Equal(3, _issuer.Received.Count);
        Assert.Equal(0, shipper.Shipped);
        Assert.Single(_logs.WithEvent(3102));
    }

    [Fact]
    public async Task Wrong_client_credentials_are_retried_and_never_logged()
    {
        var shipper = Create(o =>
        {
            o.ClientSecret = "not-the-secret";
            o.MaxAttempts = 2;
        });
        Write(shipper, 1);

        await shipper.StartAsync(default);
        await EventuallyAsync(() => shipper.Failed == 1);
        await shipper.StopAsync(default);

        Assert.Equal(0, _issuer.Posts);
        Assert.Equal(2, _logs.WithEvent(3110).Count());
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("not-the-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Denies_without_a_verified_credential_are_not_shipped_unless_asked()
    {
        var shipper = Create();
        var anonymous = Record(1) with { Agent = null, Authoriser = null, CredentialId = null, SessionId = null, Outcome = "deny", Reason = "malformed" };

        Assert.True(shipper.TryWrite(anonymous));
        Assert.Equal(0, shipper.Queued);

        var all = Create(o => o.ShipUnverified = true);
        all.TryWrite(anonymous);
        Assert.Equal(1, all.Queued);
    }

    [Fact]
    public async Task Records_still_queued_at_shutdown_are_shipped_once()
    {
        var shipper = Create(o => o.FlushInterval = TimeSpan.FromMinutes(5));
        await shipper.StartAsync(default);
        Write(shipper, 3);

        await shipper.StopAsync(default);

        Assert.Equal(3, shipper.Shipped);
    }

    [Fact]
    public async Task Start_up_fails_without_client_credentials_or_with_plain_http_off_loopback()
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureServices(s => s.AddDecisionShipping(o => o.IssuerUrl = new Uri("http://issuer.example")))
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("IssuerUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ClientSecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_enforced_api_ships_its_decisions_with_the_authoriser_to_the_issuer()
    {
        using var authority = new TestAuthority();
        await using var api = await PaymentsApi.StartAsync(authority, services: s => s.AddDecisionShipping(o => Configure(o)));
        var credential = authority.Credential();
        var release = api.Release(authority.Invoice);

        using var allowed = await api.Client.SendAsync(authority.Request(HttpMethod.Post, release, credential, new ReleaseRequest(10m, "EUR", TestAuthority.Iban)));
        using var denied = await api.Client.SendAsync(authority.Request(HttpMethod.Post, release, credential, new ReleaseRequest(9999m, "EUR", TestAuthority.Iban)));
        using var anonymous = await api.Client.PostAsJsonAsync(release, new ReleaseRequest(10m, "EUR", TestAuthority.Iban));
        var shipper = api.Services.GetRequiredService<DecisionShipper>();
        await EventuallyAsync(() => shipper.Shipped == 2);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        var allowedId = (await allowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision_id").GetString();
        var deniedId = (await denied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision_id").GetString();
        var shipped = _issuer.Accepted.SelectMany(b => b["records"]!.AsArray()).Select(r => r!.AsObject()).ToList();
        Assert.Equal([allowedId, deniedId], shipped.Select(r => r["decision_id"]!.GetValue<string>()));
        Assert.All(shipped, r => Assert.Equal(authority.AuthoriserId, r["authoriser"]!.GetValue<string>()));
        Assert.All(shipped, r => Assert.Equal(authority.AgentId, r["agent"]!.GetValue<string>()));
        Assert.Equal(["allowed", "constraint_violated"], shipped.Select(r => r["reason"]!.GetValue<string>()));
        Assert.Equal(3, api.Records.Records.Count); // the anonymous deny is logged, not shipped
    }

    private DecisionShipperOptions Configure(DecisionShipperOptions options)
    {
        options.IssuerUrl = _issuer.BaseAddress;
        options.ClientId = FakeAuditIssuer.ClientId;
        options.ClientSecret = FakeAuditIssuer.ClientSecret;
        options.InstanceName = "payments-api-1";
        options.FlushInterval = TimeSpan.FromMilliseconds(50);
        options.InitialBackoff = TimeSpan.FromMilliseconds(10);
        options.MaxBackoff = TimeSpan.FromMilliseconds(40);
        return options;
    }

    private DecisionShipper Create(Action<DecisionShipperOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        services.AddDecisionShipping(o =>
        {
            Configure(o);
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);

        return provider.GetRequiredService<DecisionShipper>();
    }

    private List<DecisionRecord> Write(DecisionShipper shipper, int count)
    {
        var records = Enumerable.Range(1, count).Select(Record).ToList();
        foreach (var record in records)
        {
            Assert.True(shipper.TryWrite(record));
        }

        return records;
    }

    private DecisionRecord Record(int number) => new()
    {
        DecisionId = $"{Guid.CreateVersion7():N}",
        DecidedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_000 + number),
        Outcome = "allow",
        Reason = "allowed",
        Agent = $"agent-{_faker.Internet.DomainWord()}",
        Authoriser = $"admin-{_faker.Random.Int(1, 9)}",
        CredentialId = _faker.Random.Hash(32),
        SessionId = $"ses-{_faker.Random.AlphaNumeric(12)}",
        Issuer = TestAuthority.IssuerId,
        Audience = TestAuthority.Audience,
        Action = "payments.release",
        Resource = $"invoice:2026-{number:D3}",
    };

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met before the deadline");
            await Task.Delay(10);
        }
    }
}
