using System.Text.Json;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Crypto;

namespace ExecGov.Credentials.Agent.Tests.Keys;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentKeyTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempFolder _temp = new();

    [Fact]
    public void Create_writes_the_key_file_with_mode_0600_in_a_new_0700_directory()
    {
        var path = Path.Combine(_temp.Path, "agent", "key.json");

        using var key = AgentKey.Create(path);

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void Load_returns_the_same_key_that_Create_wrote()
    {
        var path = _temp.File("key.json");
        using var created = AgentKey.Create(path);

        using var loaded = AgentKey.Load(path);

        Assert.Equal(created.Thumbprint, loaded.Thumbprint);
        Assert.Equal(created.PublicJwk, loaded.PublicJwk);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    [InlineData(UnixFileMode.OtherExecute)]
    public void Load_refuses_a_key_file_group_or_other_users_can_access(UnixFileMode extra)
    {
        var path = _temp.File("key.json");
        AgentKey.Create(path).Dispose();
        File.SetUnixFileMode(path, OwnerReadWrite | extra);

        var error = Assert.Throws<AgentKeyException>(() => AgentKey.Load(path));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_refuses_to_overwrite_an_existing_key()
    {
        var path = _temp.File("key.json");
        AgentKey.Create(path).Dispose();
        var before = File.ReadAllBytes(path);

        Assert.Throws<AgentKeyException>(() => AgentKey.Create(path));

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void LoadOrCreate_creates_once_and_then_loads()
    {
        var path = _temp.File("key.json");

        using var first = AgentKey.LoadOrCreate(path);
        using var second = AgentKey.LoadOrCreate(path);

        Assert.Equal(first.Thumbprint, second.Thumbprint);
    }

    [Fact]
    public void Load_refuses_a_file_whose_private_half_does_not_match_its_public_key()
    {
        var path = _temp.File("key.json");
        var other = _temp.File("other.json");
        AgentKey.Create(path).Dispose();
        using (var second = AgentKey.Create(other))
        {
            var json = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            var swapped = File.ReadAllText(path).Replace(json.GetProperty("x").GetString()!, JsonDocument.Parse(second.PublicJwk).RootElement.GetProperty("x").GetString(), StringComparison.Ordinal);
            File.WriteAllText(path, swapped);
            File.SetUnixFileMode(path, OwnerReadWrite);
        }

        Assert.Throws<AgentKeyException>(() => AgentKey.Load(path));
    }

    [Fact]
    public void Load_reports_a_missing_file_with_how_to_fix_it()
    {
        var error = Assert.Throws<AgentKeyException>(() => AgentKey.Load(_temp.File("missing.json")));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicJwk_is_the_public_Ed25519_key_with_its_thumbprint_as_kid_and_no_private_member()
    {
        var path = _temp.File("key.json");
        using var key = AgentKey.Create(path);

        var jwk = JsonDocument.Parse(key.PublicJwk).RootElement;

        Assert.Equal("OKP", jwk.GetProperty("kty").GetString());
        Assert.Equal("Ed25519", jwk.GetProperty("crv").GetString());
        Assert.Equal("EdDSA", jwk.GetProperty("alg").GetString());
        Assert.Equal(key.Thumbprint, jwk.GetProperty("kid").GetString());
        Assert.False(jwk.TryGetProperty("d", out _));
        var x = System.Buffers.Text.Base64Url.DecodeFromChars(jwk.GetProperty("x").GetString());
        Assert.Equal(Jwk.Ed25519Thumbprint(x), key.Thumbprint);
    }

    [Fact]
    public void ToString_names_the_key_id_only()
    {
        var path = _temp.File("key.json");
        using var key = AgentKey.Create(path);
        var d = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("d").GetString()!;

        Assert.Equal($"AgentKey(kid={key.Thumbprint})", key.ToString());
        Assert.DoesNotContain(d, key.PublicJwk, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
