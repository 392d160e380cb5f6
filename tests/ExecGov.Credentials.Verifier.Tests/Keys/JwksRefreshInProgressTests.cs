using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Keys;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Verifier.Tests.Keys;

/// <summary>A verification that arrives while the JWKS is being read waits for that read instead of answering unknown_key.</summary>
public sealed class JwksRefreshInProgressTests : IDisposable
{
    private const string Issuer = "https://issuer.execgov.test";
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();

    [Fact]
    public async Task Key_asked_for_during_the_start_up_read_waits_for_it_and_causes_no_second_request()
    {
        using var handler = new HeldJwksHandler(JsonSerializer.Serialize(new { keys = new[] { TestIssuer.Jwk(_key) } }));
        using var http = new HttpClient(handler);
        var options = new CredentialVerifierOptions();
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = Issuer, JwksUri = new Uri(Issuer + "/.well-known/jwks.json") });
        var source = new JwksIssuerKeySource(Options.Create(options), http, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000)));

        var warmUp = source.RefreshAsync(Issuer, CancellationToken.None);
        var lookup = source.GetKeyAsync(Issuer, _key.KeyId, CancellationToken.None).AsTask();
        Assert.False(lookup.IsCompleted);

        handler.Release.SetResult();
        await warmUp;
        Assert.NotNull(await lookup);
        Assert.Equal(1, handler.Requests);
    }

    public void Dispose() => _key.Dispose();

    private sealed class HeldJwksHandler(string jwks) : HttpMessageHandler
    {
        private int _requests;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Requests => Volatile.Read(ref _requests);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            await Release.Task.WaitAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks, Encoding.UTF8, "application/json") };
        }
    }
}
