using System.Globalization;
using ExecGov.Credentials.Proofs;
using ExecGov.Credentials.Verifier;
using ExecGov.Credentials.Verifier.Keys;
using ExecGov.Credentials.Verifier.Proofs;
using ExecGov.Credentials.Verifier.Status;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>The verifier library, trusting the running issuer through its live JWKS over HTTP.</summary>
internal sealed class LiveVerifier : IDisposable
{
    public static readonly Uri Target = new("https://payments.execgov.test/v1/payments");

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public LiveVerifier(IssuerHost host, bool requireStatus = false, ICredentialStatusSource? status = null)
    {
        var options = new CredentialVerifierOptions { Audience = TestAgents.Audience, RequireStatus = requireStatus, VerifiedCredentialCacheSize = 0 };
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = IssuerHost.IssuerId, JwksUri = new Uri(host.BaseAddress, "/.well-known/jwks.json") });
        var wrapped = Options.Create(options);
        Verifier = new CredentialVerifier(wrapped, new JwksIssuerKeySource(wrapped, _http, TimeProvider.System), status ?? new InMemoryStatusSource(),
            new MemoryProofReplayCache(wrapped, TimeProvider.System), TimeProvider.System);
    }

    public CredentialVerifier Verifier { get; }

    public ValueTask<Decision> VerifyAsync(string credential, TestAgent agent, string action = "payments.read", string resource = "invoice:2026-118", decimal? amount = null)
    {
        var proof = ProofWriter.Create(agent.Key, "POST", Target, credential, DateTimeOffset.UtcNow);
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

    public void Dispose() => _http.Dispose();
}
