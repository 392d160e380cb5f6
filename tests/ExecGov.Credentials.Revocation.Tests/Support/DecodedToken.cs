using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Status;

namespace ExecGov.Credentials.Revocation.Tests.Support;

/// <summary>A status list token taken apart and checked the way a verifier would.</summary>
internal sealed record DecodedToken(JsonElement Header, StatusListTokenClaims Claims, StatusList List)
{
    public string Kid => Header.GetProperty("kid").GetString()!;

    /// <summary>Decodes <paramref name="token"/>, asserting the header, the signature under <paramref name="key"/> and the list.</summary>
    public static DecodedToken Verify(string token, Func<string, Ed25519SecurityKey?> key)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        Assert.Equal("EdDSA", header.GetProperty("alg").GetString());
        Assert.Equal("statuslist+jwt", header.GetProperty("typ").GetString());
        var signer = key(header.GetProperty("kid").GetString()!);
        Assert.NotNull(signer);
        Assert.True(signer.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2])), "signature");
        var claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), StatusListJsonContext.Default.StatusListTokenClaims)!;
        Assert.Equal(2, claims.StatusList.Bits);
        Assert.True(StatusList.TryDecode(claims.StatusList.List, 2, 8 * 1024 * 1024, out var list));
        return new DecodedToken(header, claims, list!);
    }
}
