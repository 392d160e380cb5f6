using System.Buffers.Text;
using System.Text;
using ExecGov.Credentials.Signing.Crypto;
using ExecGov.Credentials.Tests.Vectors;
using NSec.Cryptography;

namespace ExecGov.Credentials.Issuer.Tests.Signing.Crypto;

/// <summary>The signing key against RFC 8037 Appendix A, byte for byte.</summary>
public sealed class Ed25519SigningKeyTests
{
    [Fact]
    public void A1_private_key_yields_the_published_public_key_and_thumbprint()
    {
        using var key = ImportA1();
        Assert.Equal(Rfc8037Vectors.XHex, Convert.ToHexStringLower(key.PublicKeyBytes.Span));
        Assert.Equal(Rfc8037Vectors.X, key.ToPublicJwk().X);
        Assert.Equal(Rfc8037Vectors.Thumbprint, key.KeyId);
    }

    [Fact]
    public void A4_signature_matches_byte_for_byte_and_verifies_with_the_public_half()
    {
        using var key = ImportA1();
        var input = Encoding.ASCII.GetBytes(Rfc8037Vectors.SigningInput);
        var signature = new byte[64];
        key.Sign(input, signature);
        Assert.Equal(Rfc8037Vectors.Signature, Base64Url.EncodeToString(signature));
        Assert.True(key.PublicKey.Verify(input, signature));
    }

    [Fact]
    public void Nothing_printable_carries_key_material()
    {
        using var key = ImportA1();
        Assert.DoesNotContain(Rfc8037Vectors.DHex, key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(key.ToPublicJwk().D);
    }

    private static Ed25519SigningKey ImportA1() =>
        new(Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(Rfc8037Vectors.DHex), KeyBlobFormat.RawPrivateKey));
}
