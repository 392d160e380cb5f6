using System.Buffers.Text;
using System.Text.Json;
using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Signing.Status;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Issuer.Tests.Signing.Status;

public sealed class StatusListTokenWriterTests : IDisposable
{
    private readonly Ed25519SigningKey _key = Ed25519SigningKey.Generate();

    [Fact]
    public void Sign_writes_the_drafts_header_and_claims()
    {
        var list = new StatusList(16, bits: 2);
        list.Set(7, StatusValue.Invalid);
        var iat = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var token = StatusListTokenWriter.Sign(list, "https://issuer.example/status-lists/1", iat, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), _key);

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("EdDSA", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("statuslist+jwt", header.RootElement.GetProperty("typ").GetString());
        Assert.Equal(_key.KeyId, header.RootElement.GetProperty("kid").GetString());

        var claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), StatusListJsonContext.Default.StatusListTokenClaims)!;
        Assert.Equal("https://issuer.example/status-lists/1", claims.Subject);
        Assert.Equal(iat.ToUnixTimeSeconds(), claims.IssuedAt);
        Assert.Equal(iat.ToUnixTimeSeconds() + 3600, claims.Expires);
        Assert.Equal(30, claims.TimeToLive);
        Assert.Equal(2, claims.StatusList.Bits);
        Assert.True(StatusList.TryDecode(claims.StatusList.List, 2, 1024, out var decoded));
        Assert.Equal(StatusValue.Invalid, decoded!.Get(7));

        var signature = Base64Url.DecodeFromChars(parts[2]);
        Assert.True(_key.PublicKey.Verify(System.Text.Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature));
    }

    [Fact]
    public void Sign_refuses_exp_not_after_iat() =>
        Assert.Throws<ArgumentException>(() => StatusListTokenWriter.Sign(new StatusListTokenClaims
        {
            Subject = "https://issuer.example/status-lists/1",
            IssuedAt = 100,
            Expires = 100,
            StatusList = new StatusListClaim { Bits = 2, List = "eNo76fITAAPfAgc" },
        }, _key));

    [Fact]
    public void Sign_refuses_unsupported_bits() =>
        Assert.Throws<ArgumentException>(() => StatusListTokenWriter.Sign(new StatusListTokenClaims
        {
            Subject = "https://issuer.example/status-lists/1",
            IssuedAt = 100,
            StatusList = new StatusListClaim { Bits = 3, List = "eNo76fITAAPfAgc" },
        }, _key));

    [Fact]
    public void Claims_with_duplicate_members_are_refused()
    {
        const string json = """{"sub":"a","sub":"b","iat":1,"status_list":{"bits":1,"lst":"eNrbuRgAAhcBXQ"}}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, StatusListJsonContext.Default.StatusListTokenClaims));
    }

    public void Dispose() => _key.Dispose();
}
