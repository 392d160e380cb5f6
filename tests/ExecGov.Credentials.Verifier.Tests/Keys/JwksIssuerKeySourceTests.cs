using ExecGov.Credentials.Signing.Crypto;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Keys;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Verifier.Tests.Keys;

public sealed class JwksIssuerKeySourceTests : IDisposable
{
    private const string Issuer = "https://issuer.execgov.test";
    private readonly string _folder = Directory.CreateTempSubdirectory("execgov-jwks-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly Ed25519SigningKey _first = Ed25519SigningKey.Generate();
    private readonly Ed25519SigningKey _second = Ed25519SigningKey.Generate();

    private string JwksFile => Path.Combine(_folder, "jwks.json");

    [Fact]
    public async Task Unknown_kid_refreshes_at_most_once_per_minimum_interval()
    {
        WriteJwks(_first);
        var source = Source();
        Assert.NotNull(await source.GetKeyAsync(Issuer, _first.KeyId, default));

        // Rotation: the new key appears in the file; within the minimum interval it is not re-read.
        WriteJwks(_first, _second);
        Assert.Null(await source.GetKeyAsync(Issuer, _second.KeyId, default));
        Assert.Null(await source.GetKeyAsync(Issuer, "made-up", default));

        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await source.GetKeyAsync(Issuer, _second.KeyId, default));
    }

    [Fact]
    public async Task Withdrawn_key_disappears_on_refresh()
    {
        WriteJwks(_first, _second);
        var source = Source();
        Assert.NotNull(await source.GetKeyAsync(Issuer, _first.KeyId, default));
        WriteJwks(_second);
        await source.RefreshAsync(Issuer, default);
        Assert.Null(await source.GetKeyAsync(Issuer, _first.KeyId, default));
    }

    [Fact]
    public async Task Private_or_foreign_keys_in_a_jwks_are_skipped_and_unreadable_jwks_keeps_known_keys()
    {
        var ec = new { kty = "EC", crv = "P-256", x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", kid = "ec" };
        var withPrivate = new { kty = "OKP", crv = "Ed25519", x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", d = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A", kid = "leaky" };
        File.WriteAllText(JwksFile, JsonSerializer.Serialize(new { keys = new object[] { ec, withPrivate, TestIssuer.Jwk(_first) } }));
        var source = Source();
        Assert.Null(await source.GetKeyAsync(Issuer, "ec", default));
        Assert.Null(await source.GetKeyAsync(Issuer, "leaky", default));
        Assert.NotNull(await source.GetKeyAsync(Issuer, _first.KeyId, default));

        File.WriteAllText(JwksFile, "{ not json");
        await source.RefreshAsync(Issuer, default);
        Assert.NotNull(await source.GetKeyAsync(Issuer, _first.KeyId, default));
    }

    [Fact]
    public async Task Keys_are_never_shared_between_issuers()
    {
        WriteJwks(_first);
        var source = Source();
        Assert.False(source.IsTrusted("https://other.example"));
        Assert.Null(await source.GetKeyAsync("https://other.example", _first.KeyId, default));
    }

    private JwksIssuerKeySource Source()
    {
        var options = new CredentialVerifierOptions();
        options.Issuers.Add(new TrustedIssuerOptions { Issuer = Issuer, JwksPath = JwksFile });
        return new JwksIssuerKeySource(Options.Create(options), httpClient: null, _time);
    }

    private void WriteJwks(params Ed25519SigningKey[] keys) =>
        File.WriteAllText(JwksFile, JsonSerializer.Serialize(new { keys = keys.Select(TestIssuer.Jwk).ToArray() }));

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
