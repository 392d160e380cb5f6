using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Agent.Tests.Issuer;
using ExecGov.Credentials.Proofs;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Proofs;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Agent.Tests.Proofs;

public sealed class ExecGovProofHandlerTests
{
    [Fact]
    public async Task Each_request_carries_the_credential_and_its_own_fresh_proof_for_its_method_and_url()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        var target = new RecordingHandler();
        using var client = new HttpClient(new ExecGovProofHandler(provider, harness.Time) { InnerHandler = target });

        using var first = await client.GetAsync(new Uri("https://payments.execgov.test/v1/invoices/2026-118?expand=lines#top"));
        using var second = await client.PostAsync(new Uri("https://payments.execgov.test/v1/payments/release"), content: null);

        var requests = target.Requests.ToArray();
        var credential = (await provider.GetCredentialAsync()).Credential!.Credential;
        Assert.All(requests, r => Assert.Equal(("DPoP", credential), (r.Scheme, r.Parameter)));
        var proofs = requests.Select(r => Assert.Single(r.Proofs)).ToArray();
        Assert.NotEqual(Jose.Payload(proofs[0]).GetProperty("jti").GetString(), Jose.Payload(proofs[1]).GetProperty("jti").GetString());
        Assert.Equal(("GET", "https://payments.execgov.test/v1/invoices/2026-118"), Claims(proofs[0]));
        Assert.Equal(("POST", "https://payments.execgov.test/v1/payments/release"), Claims(proofs[1]));
        foreach (var proof in proofs)
        {
            var header = Jose.Header(proof);
            Assert.Equal("dpop+jwt", header.GetProperty("typ").GetString());
            Assert.Equal("EdDSA", header.GetProperty("alg").GetString());
            Assert.False(header.GetProperty("jwk").TryGetProperty("d", out _));
            Assert.Equal(CredentialHash.Compute(credential), Jose.Payload(proof).GetProperty("ath").GetString());
            Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeSeconds(), Jose.Payload(proof).GetProperty("iat").GetInt64());
        }

        static (string?, string?) Claims(string proof) =>
            (Jose.Payload(proof).GetProperty("htm").GetString(), Jose.Payload(proof).GetProperty("htu").GetString());
    }

    [Fact]
    public async Task The_verifier_accepts_what_the_handler_sends()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        var target = new RecordingHandler();
        using var client = new HttpClient(new ExecGovProofHandler(provider, harness.Time) { InnerHandler = target });
        var url = new Uri("https://payments.execgov.test/v1/payments/release");

        using var response = await client.PostAsync(url, content: null);

        var sent = Assert.Single(target.Requests);
        var options = new CredentialVerifierOptions { Audience = AgentHarness.Audience };
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = harness.Issuer.Issuer, Jwks = harness.Issuer.Jwks });
        var status = new InMemoryStatusSource();
        status.DeclareList(FakeIssuer.StatusListUri);
        var verifier = new CredentialVerifier(
            Options.Create(options),
            new JwksIssuerKeySource(Options.Create(options), httpClient: null, harness.Time),
            status,
            new MemoryProofReplayCache(Options.Create(options), harness.Time),
            harness.Time);
        var request = new ActionRequest
        {
            Action = "payments.release",
            Resource = "invoice:2026-118",
            Method = "POST",
            Target = url,
            Context = new Dictionary<string, string> { ["amount"] = "120.50", ["currency"] = "EUR" },
        };

        var decision = await verifier.VerifyAsync(new Presentation(sent.Parameter, sent.Proofs[0]), request);
        var replayed = await verifier.VerifyAsync(new Presentation(sent.Parameter, sent.Proofs[0]), request);

        Assert.Equal(ReasonCode.Allowed, decision.Reason);
        Assert.Equal(harness.Agent.AgentId, decision.AgentId);
        Assert.Equal(ReasonCode.ProofReplayed, replayed.Reason);
    }

    [Fact]
    public async Task Without_a_credential_the_request_is_not_sent_and_the_reason_is_thrown()
    {
        await using var harness = await AgentHarness.StartAsync();
        harness.Issuer.Refuse = (403, "agent_suspended");
        using var provider = harness.CreateProvider();
        var target = new RecordingHandler();
        using var client = new HttpClient(new ExecGovProofHandler(provider, harness.Time) { InnerHandler = target });

        var error = await Assert.ThrowsAsync<AgentCredentialException>(() => client.GetAsync(new Uri("https://payments.execgov.test/v1/x")));

        Assert.Equal(AgentCredentialError.IssuerRefused, error.Error);
        Assert.Equal("agent_suspended", error.IssuerCode);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task Synchronous_sends_are_refused()
    {
        await using var harness = await AgentHarness.StartAsync();
        using var provider = harness.CreateProvider();
        using var client = new HttpClient(new ExecGovProofHandler(provider, harness.Time) { InnerHandler = new RecordingHandler() });

        Assert.Throws<NotSupportedException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, new Uri("https://payments.execgov.test/"))));
    }
}
