using ExecGov.Credentials.Signing.Crypto;
using System.Net;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Keys;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Verifier.Tests.Keys;

/// <summary>JWKS fetched over HTTP: cached, refreshed at most once per interval for unknown kids.</summary>
public sealed class JwksUriKeySourceTests : IDisposable
{
    private const string Issuer = "https://issuer.execgov.test";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly CountingJwksHandler _handler = new();
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();

    [Fact]
    public async Task Known_kid_is_answered_from_the_cache_without_another_request()
    {
        _handler.Jwks = Jwks(_key);
        var source = Source();
        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await source.GetKeyAsync(Issuer, _key.KeyId, default));
        }

        Assert.Equal(1, _handler.Requests);
    }

    [Fact]
    public async Task A_flood_of_unknown_kids_causes_at_most_one_request_per_interval()
    {
        _handler.Jwks = Jwks(_key);
        var source = Source();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => source.GetKeyAsync(Issuer, $"made-up-{i}", default).AsTask()));
        Assert.Equal(1, _handler.Requests);

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await source.GetKeyAsync(Issuer, "made-up-again", default));
        Assert.Equal(2, _handler.Requests);
    }

    [Fact]
    public async Task Failing_jwks_endpoint_keeps_the_keys_already_known_and_never_throws()
    {
        _handler.Jwks = Jwks(_key);
        var source = Source();
        Assert.NotNull(await source.GetKeyAsync(Issuer, _key.KeyId, default));

        _handler.Status = HttpStatusCode.InternalServerError;
        _time.Advance(TimeSpan.FromMinutes(10));
        await source.RefreshAsync(Issuer, default);
        Assert.NotNull(await source.GetKeyAsync(Issuer, _key.KeyId, default));
        Assert.Null(await source.GetKeyAsync(Issuer, "other", default));
    }

    private JwksIssuerKeySource Source()
    {
        var options = new CredentialVerifierOptions();
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = Issuer, JwksUri = new Uri("https://issuer.execgov.test/.well-known/jwks.json") });
        return new JwksIssuerKeySource(Options.Create(options), new HttpClient(_handler), _time);
    }

    private static string Jwks(params Ed25519SigningKey[] keys) => JsonSerializer.Serialize(new { keys = keys.Select(TestIssuer.Jwk).ToArray() });

    public void Dispose()
    {
        _key.Dispose();
        _handler.Dispose();
    }
}
