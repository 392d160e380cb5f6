using System.Buffers.Text;
using System.Text;
using ExecGov.Credentials.Crypto;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace ExecGov.Credentials.Tests.Vectors;

public sealed class Rfc8037Tests
{
    [Fact]
    public void A1_private_key_yields_the_published_public_key()
    {
        using var key = ImportA1();
        Assert.Equal(Rfc8037Vectors.XHex, Convert.ToHexStringLower(key.PublicKeyBytes.Span));
        Assert.Equal(Rfc8037Vectors.X, key.ToPublicJwk().X);
    }

    [Fact]
    public void A3_thumbprint_matches_byte_for_byte()
    {
        Assert.Equal(Rfc8037Vectors.Thumbprint, Jwk.Ed25519Thumbprint(Convert.FromHexString(Rfc8037Vectors.XHex)));
        using var key = ImportA1();
        Assert.Equal(Rfc8037Vectors.Thumbprint, key.KeyId);
    }

    [Fact]
    public void A4_signature_through_identitymodel_provider_matches_byte_for_byte()
    {
        using var key = ImportA1();
        var provider = key.CryptoProviderFactory.CreateForSigning(key, EdDsa.Algorithm);
        var signature = provider.Sign(Encoding.ASCII.GetBytes(Rfc8037Vectors.SigningInput));
        Assert.Equal(Rfc8037Vectors.Signature, Base64Url.EncodeToString(signature));

        // The span overload is the one JsonWebTokenHandler uses on .NET 6+ (IdentityModel issue #1970).
        var destination = new byte[64];
        Assert.True(provider.Sign(Encoding.ASCII.GetBytes(Rfc8037Vectors.SigningInput), destination, out var written));
        Assert.Equal(64, written);
        Assert.Equal(Rfc8037Vectors.Signature, Base64Url.EncodeToString(destination));
    }

    [Fact]
    public void A4_jws_verifies_with_the_public_key_alone_and_fails_when_altered()
    {
        var publicKey = new Ed25519SecurityKey(Convert.FromHexString(Rfc8037Vectors.XHex));
        var verifier = publicKey.CryptoProviderFactory.CreateForVerifying(publicKey, EdDsa.Algorithm);
        var input = Encoding.ASCII.GetBytes(Rfc8037Vectors.SigningInput);
        var signature = Base64Url.DecodeFromChars(Rfc8037Vectors.Signature);
        Assert.True(verifier.Verify(input, signature));
        Assert.True(verifier.Verify(input, 0, input.Length, signature, 0, signature.Length));

        signature[0] ^= 1;
        Assert.False(verifier.Verify(input, signature));
    }

    [Fact]
    public void A1_jwk_reads_as_an_ed25519_public_key_and_private_member_is_refused_where_public_is_expected()
    {
        var jwk = new JsonWebKey(Rfc8037Vectors.PrivateJwk);
        Assert.False(Jwk.TryGetEd25519PublicKey(jwk, refusePrivate: true, out _, out var error));
        Assert.Contains("\"d\"", error, StringComparison.Ordinal);
        Assert.True(Jwk.TryGetEd25519PublicKey(jwk, refusePrivate: false, out var x, out _));
        Assert.Equal(Rfc8037Vectors.XHex, Convert.ToHexStringLower(x));
    }

    internal static Ed25519SecurityKey ImportA1() =>
        new(Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(Rfc8037Vectors.DHex), KeyBlobFormat.RawPrivateKey));
}
