using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Signing.Keys;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Tests.Keys;

public sealed class KeyRingTests : IDisposable
{
    private readonly IssuerServices _services = new();

    [Fact]
    public void First_run_generates_an_owner_only_keyset_in_the_data_folder()
    {
        var path = Path.Combine(_services.Folder, "issuer-keyset.json");
        Assert.Equal(path, _services.Keys.Path);
        Assert.False(_services.Keys.Current.IsDevelopmentOnly);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Rotation_retires_the_old_key_until_the_longest_credential_expires()
    {
        var old = _services.Keys.ActiveKey.KeyId;
        var fresh = _services.Keys.Rotate();

        Assert.NotEqual(old, fresh.KeyId);
        Assert.Equal(fresh.KeyId, _services.Keys.ActiveKey.KeyId);
        var retired = _services.Keys.Current.Keys.Single(k => k.KeyId == old);
        Assert.Equal(SigningKeyStatus.Retired, retired.Status);
        Assert.Equal(_services.Options.Value.MaxCredentialLifetime + _services.Options.Value.ClockSkew, retired.VerifyUntil - retired.RetiredAt);
        Assert.Equal(2, _services.Keys.Current.PublishedKeys(_services.Time.GetUtcNow()).Count);
    }

    [Fact]
    public async Task Compromised_active_key_leaves_the_jwks_and_a_fresh_key_signs()
    {
        var old = _services.Keys.ActiveKey.KeyId;
        await new KeyCompromiseHandler(_services.Keys, _services.Store, _services.Audit).OnCompromisedAsync(old, CancellationToken.None);

        Assert.NotEqual(old, _services.Keys.ActiveKey.KeyId);
        Assert.DoesNotContain(_services.Keys.Current.PublishedKeys(_services.Time.GetUtcNow()), k => k.KeyId == old);
        Assert.Equal("key_compromised", Assert.Single(_services.Store.Audit.FindAll()).Kind);
    }

    [Fact]
    public void Configured_keyset_that_does_not_exist_is_never_generated()
    {
        var missing = Path.Combine(_services.Folder, "elsewhere", "keys.json");
        Assert.Throws<KeySetException>(() => Ring(new IssuerOptions { DataPath = _services.Folder, KeySetPath = missing }));
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Development_keyset_is_refused_outside_development()
    {
        var sample = Path.Combine(_services.Folder, "dev-keyset.json");
        File.WriteAllText(sample, """
            {"format":"execgov-keyset/1","development_only":true,"keys":[{"kid":"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k","kty":"OKP","crv":"Ed25519","alg":"EdDSA","use":"sig","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","status":"active","created_at":"2026-11-22T12:00:00+00:00"}]}
            """);
        Assert.Throws<KeySetException>(() => Ring(new IssuerOptions { DataPath = _services.Folder, KeySetPath = sample, AllowDevelopmentKeys = true }));
    }

    [Theory]
    [InlineData("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")]
    [InlineData("renamed-to-look-harmless")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Published_rfc8037_test_key_is_refused_outside_development_even_without_the_development_marker(string kid)
    {
        var relabelled = Path.Combine(_services.Folder, "relabelled-keyset.json");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        using (var writer = new StreamWriter(new FileStream(relabelled, options)))
        {
            writer.Write($$"""
                {"format":"execgov-keyset/1","keys":[{"kid":"{{kid}}","kty":"OKP","crv":"Ed25519","alg":"EdDSA","use":"sig","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","status":"active","created_at":"2026-11-22T12:00:00+00:00"}]}
                """);
        }

        var error = Assert.Throws<KeySetException>(() => Ring(new IssuerOptions { DataPath = _services.Folder, KeySetPath = relabelled, AllowDevelopmentKeys = true }));
        Assert.Contains("RFC 8037 test key", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();

    private KeyRing Ring(IssuerOptions options) =>
        new(Options.Create(options), new HostingEnvironment { EnvironmentName = "Production" }, _services.Time, NullLogger<KeyRing>.Instance);
}
