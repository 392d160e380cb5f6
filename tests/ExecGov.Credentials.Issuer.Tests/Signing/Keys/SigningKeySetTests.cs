using ExecGov.Credentials.Signing.Keys;
using Microsoft.Extensions.Time.Testing;

namespace ExecGov.Credentials.Issuer.Tests.Signing.Keys;

public sealed class SigningKeySetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("execgov-keys-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private string KeyFile => Path.Combine(_folder, "keyset.json");

    [Fact]
    public void Generate_creates_an_owner_only_file_with_one_active_key()
    {
        var info = SigningKeySet.Generate(KeyFile, _time);
        Assert.Equal(SigningKeyStatus.Active, info.Status);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        using var set = SigningKeySet.Load(KeyFile, allowDevelopmentKeys: false);
        Assert.Equal(info.KeyId, set.ActiveKey.KeyId);
        Assert.Single(set.ToPublicJwks(_time.GetUtcNow()).Keys);
    }

    [Fact]
    public void Generate_refuses_to_overwrite_an_existing_keyset()
    {
        SigningKeySet.Generate(KeyFile, _time);
        Assert.Throws<KeySetException>(() => SigningKeySet.Generate(KeyFile, _time));
    }

    [Fact]
    public void Public_jwks_never_contains_private_members()
    {
        SigningKeySet.Generate(KeyFile, _time);
        using var set = SigningKeySet.Load(KeyFile, allowDevelopmentKeys: false);
        var json = System.Text.Json.JsonSerializer.Serialize(set.ToPublicJwks(_time.GetUtcNow()).Keys.Select(k => new { k.Kty, k.Crv, k.X, k.D, k.Kid }));
        Assert.DoesNotContain("\"D\":\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(KeyFile).Split("\"d\": \"")[1][..43], set.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rotation_keeps_the_retired_key_published_until_its_credentials_expire()
    {
        var first = SigningKeySet.Generate(KeyFile, _time);
        _time.Advance(TimeSpan.FromDays(1));
        var second = SigningKeySet.Rotate(KeyFile, TimeSpan.FromMinutes(20), _time);
        using (var set = SigningKeySet.Load(KeyFile, allowDevelopmentKeys: false))
        {
            Assert.Equal(second.KeyId, set.ActiveKey.KeyId);
            var published = set.ToPublicJwks(_time.GetUtcNow()).Keys.Select(k => k.Kid).ToHashSet();
            Assert.Equal(new HashSet<string> { first.KeyId, second.KeyId }, published);
            Assert.Single(set.ToPublicJwks(_time.GetUtcNow().AddMinutes(21)).Keys);
        }

        _time.Advance(TimeSpan.FromHours(1));
        SigningKeySet.Rotate(KeyFile, TimeSpan.FromMinutes(20), _time);
        using var after = SigningKeySet.Load(KeyFile, allowDevelopmentKeys: false);
        Assert.DoesNotContain(after.Keys, k => k.KeyId == first.KeyId);
    }

    [Fact]
    public void Compromised_key_leaves_the_jwks_at_once_and_a_fresh_key_takes_over()
    {
        var first = SigningKeySet.Generate(KeyFile, _time);
        SigningKeySet.MarkCompromised(KeyFile, first.KeyId, _time);
        using var set = SigningKeySet.Load(KeyFile, allowDevelopmentKeys: false);
        Assert.NotEqual(first.KeyId, set.ActiveKey.KeyId);
        Assert.DoesNotContain(set.ToPublicJwks(_time.GetUtcNow()).Keys, k => k.Kid == first.KeyId);
    }

    [Fact]
    public void Development_keyset_is_refused_outside_development()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "keys.sample", "dev-keyset.json");
        var error = Assert.Throws<KeySetException>(() => SigningKeySet.Load(sample, allowDevelopmentKeys: false));
        Assert.Contains("development_only", error.Message, StringComparison.Ordinal);
        using var set = SigningKeySet.Load(sample, allowDevelopmentKeys: true);
        Assert.True(set.IsDevelopmentOnly);
    }

    [Fact]
    public void Keyset_readable_by_others_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        SigningKeySet.Generate(KeyFile, _time);
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var error = Assert.Throws<KeySetException>(() => SigningKeySet.Load(KeyFile, allowDevelopmentKeys: false));
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"format":"execgov-keyset/1","keys":[]}""")]
    [InlineData("""{"format":"other","keys":[]}""")]
    [InlineData("""{"format":"execgov-keyset/1","keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"AAAAne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A","status":"active"}]}""")]
    public void Malformed_or_inconsistent_keyset_is_refused_with_a_clear_error(string content)
    {
        File.WriteAllText(KeyFile, content);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var error = Assert.Throws<KeySetException>(() => SigningKeySet.Load(KeyFile, allowDevelopmentKeys: false));
        Assert.Contains(KeyFile, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
