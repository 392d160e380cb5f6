using System.Diagnostics;
using System.Globalization;
using System.Net;
using ExecGov.Credentials.Verifier;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// Issue 4, push and its backstops, between the real issuer and a real verifier: the event stream resumes from
/// <c>Last-Event-ID</c> after a disconnect without missing what happened meanwhile; without a stream, polling at
/// the list's <c>ttl</c> denies; with the issuer gone, the verifier fails closed after its maximum staleness.
/// </summary>
public sealed class StatusPropagationTests
{
    private readonly TestAgents _agents = new(seed: 8008);

    [Fact]
    public async Task Stream_cut_during_a_revocation_resumes_from_last_event_id_and_replays_it()
    {
        await using var host = await IssuerHost.StartAsync();
        var (admin, responder) = await SignInAsync(host);
        var agent = await RegisterAsync(host, admin);
        var first = await IssueAsync(host, admin, agent);
        var second = await IssueAsync(host, admin, agent);
        await using var verifier = await StatusVerifier.StartAsync(host);
        Assert.True((await verifier.VerifyAsync(second.Token, agent)).IsAllowed);
        await verifier.WaitForStreamAsync(RevocationFixture.Moments);
        var applied = await RevokeAsync(host, responder, first.Id);
        await verifier.VerifyUntilAsync(first.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        var fetches = verifier.Network.ListFetches;

        // The connection dies and the stream stays unreachable while the second credential is revoked.
        verifier.Network.RefuseStream = true;
        verifier.Network.DropConnections();
        await WaitAsync(() => !verifier.Status.GetHealth()[0].StreamConnected, "the verifier to notice the cut");
        var missed = await RevokeAsync(host, responder, second.Id);
        verifier.Network.RefuseStream = false;

        await verifier.VerifyUntilAsync(second.Token, agent, RevocationFixture.Moments, ReasonCode.Revoked);
        Assert.Equal(applied + 1, missed);
        Assert.Contains(applied.ToString(CultureInfo.InvariantCulture), verifier.Network.StreamRequests);

        // Replayed on the stream, not refetched.
        Assert.Equal(fetches, verifier.Network.ListFetches);
    }

    [Fact]
    public async Task Without_the_event_stream_polling_denies_a_revocation_within_the_lists_ttl()
    {
        var ttl = TimeSpan.FromSeconds(2);
        await using var host = await IssuerHost.StartAsync(extraArgs: ["--Revocation:TimeToLive=00:00:02"]);
        var (admin, responder) = await SignInAsync(host);
        var agent = await RegisterAsync(host, admin);
        var credential = await IssueAsync(host, admin, agent);
        await using var verifier = await StatusVerifier.StartAsync(host, push: false);
        Assert.True((await verifier.VerifyAsync(credential.Token, agent)).IsAllowed);

        await RevokeAsync(host, responder, credential.Id);
        var clock = Stopwatch.StartNew();
        await verifier.VerifyUntilAsync(credential.Token, agent, ttl + RevocationFixture.Moments, ReasonCode.Revoked);

        Assert.Empty(verifier.Network.StreamRequests);
        Assert.True(verifier.Network.ListFetches >= 2, $"{verifier.Network.ListFetches} fetches");
        Assert.True(clock.Elapsed < ttl + RevocationFixture.Moments);
    }

    [Fact]
    public async Task Issuer_gone_is_status_unavailable_once_the_status_is_older_than_the_maximum_staleness()
    {
        await using var host = await IssuerHost.StartAsync(extraArgs: ["--Revocation:HeartbeatInterval=00:00:00.500"]);
        var (admin, _) = await SignInAsync(host);
        var agent = await RegisterAsync(host, admin);
        var credential = await IssueAsync(host, admin, agent);
        await using var verifier = await StatusVerifier.StartAsync(host, configure: o => o.MaxStatusAge = TimeSpan.FromSeconds(3));
        await verifier.WaitForStreamAsync(RevocationFixture.Moments);
        await verifier.VerifyUntilAsync(credential.Token, agent, RevocationFixture.Moments, ReasonCode.Allowed);

        await host.StopAsync();

        var decision = await verifier.VerifyUntilAsync(credential.Token, agent, TimeSpan.FromSeconds(3) + RevocationFixture.Moments, ReasonCode.StatusUnavailable);
        Assert.False(decision.IsAllowed);
        Assert.False(verifier.Status.GetHealth()[0].IsReady);
    }

    private static async Task<(string Admin, string Responder)> SignInAsync(IssuerHost host)
    {
        var admin = await host.SignInAsBootstrapAsync();
        return (admin, await host.CreateClientAndSignInAsync(admin, "responder-raj", "responder"));
    }

    private async Task<TestAgent> RegisterAsync(IssuerHost host, string admin)
    {
        var agent = _agents.Next();
        await host.SendJsonAsync(HttpMethod.Post, "/v1/agents", admin, agent.Registration(), HttpStatusCode.Created);
        return agent;
    }

    private static async Task<(string Token, string Id)> IssueAsync(IssuerHost host, string admin, TestAgent agent)
    {
        var issued = await host.SendJsonAsync(HttpMethod.Post, "/v1/credentials", admin,
            new { agent_id = agent.Id, audience = new[] { TestAgents.Audience }, authorization_details = TestAgent.ReadScope() }, HttpStatusCode.Created);
        return (issued["credential"]!.GetValue<string>(), issued["credential_id"]!.GetValue<string>());
    }

    /// <summary>Revokes one credential; answers the act's last event id.</summary>
    private static async Task<long> RevokeAsync(IssuerHost host, string responder, string credentialId) =>
        (await host.SendJsonAsync(HttpMethod.Post, "/v1/revocations", responder,
            new { scope = "credential", target = credentialId, action = "revoke", reason = "test" }, HttpStatusCode.OK))["last_event_id"]!.GetValue<long>();

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < RevocationFixture.Moments, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
