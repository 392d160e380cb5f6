using System.Buffers.Text;
using System.Text;
using ExecGov.Credentials.Crypto;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Tests.Vectors;

public sealed class Rfc8037Tests
{
    [Fact]
    public void A3_thumbprint_matches_byte_for_byte()
    {
        Assert.Equal(Rfc8037Vectors.Thumbprint, Jwk.Ed25519Thumbprint(Convert.FromHexString(Rfc8037Vectors.XHex)));
        Assert.Equal(Rfc8037Vectors.Thumbprint, new Ed25519SecurityKey(Convert.FromHexString(Rfc8037Vectors.XHex)).KeyId);
    }

    [Fact]
    public void The_identitymodel_provider_verifies_only()
    {
        // The verification key has no private half, so IdentityModel cannot be made to sign with it (signing is the
        // owner's, through CompactJwsWriter).
        var key = new Ed25519SecurityKey(Convert.FromHexString(Rfc8037Vectors.XHex));
        Assert.Equal(Microsoft.IdentityModel.Tokens.PrivateKeyStatus.DoesNotExist, key.PrivateKeyStatus);
        Assert.ThrowsAny<Exception>(() => key.CryptoProviderFactory.CreateForSigning(key, EdDsa.Algorithm));
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
}
