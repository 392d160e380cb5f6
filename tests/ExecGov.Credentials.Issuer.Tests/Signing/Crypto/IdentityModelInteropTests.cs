using System.IdentityModel.Tokens.Jwt;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Signing.Credentials;
using ExecGov.Credentials.Signing.Crypto;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Issuer.Tests.Signing.Crypto;

/// <summary>Both IdentityModel token handlers validate what our one encoder signs, with the public key alone.</summary>
public sealed class IdentityModelInteropTests
{
    [Fact]
    public async Task JsonWebTokenHandler_validates_tokens_from_the_compact_jws_writer()
    {
        using var key = Ed25519SigningKey.Generate();
        var token = CredentialWriter.SignPayload(Payload("agent-1"), TokenTypes.Credential, key);

        Assert.StartsWith("eyJhbGciOiJFZERTQSI", token, StringComparison.Ordinal);
        var verificationKey = new Ed25519SecurityKey(key.PublicKeyBytes.Span, key.KeyId);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(verificationKey));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("agent-1", result.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task JsonWebTokenHandler_rejects_EdDSA_token_signed_by_another_key()
    {
        using var signer = Ed25519SigningKey.Generate();
        using var other = Ed25519SigningKey.Generate();
        var token = CredentialWriter.SignPayload(Payload("agent-1"), TokenTypes.Credential, signer);

        var wrongKey = new Ed25519SecurityKey(other.PublicKeyBytes.Span, signer.KeyId);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(wrongKey));
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Legacy_JwtSecurityTokenHandler_validates_our_credentials_too()
    {
        // A second, independent code path of IdentityModel (System.IdentityModel.Tokens.Jwt) given only
        // our public JWKS: proves the token format is plain JWS, not something only our verifier reads.
        using var key = Ed25519SigningKey.Generate();
        var token = CredentialWriter.SignPayload(Payload("agent-1"), TokenTypes.Credential, key);
        var jwks = new JsonWebKeySet();
        jwks.Keys.Add(key.ToPublicJwk());
        var publicKey = new Ed25519SecurityKey(Base64UrlEncoder.DecodeBytes(jwks.Keys[0].X), jwks.Keys[0].Kid);
        var parameters = Parameters(publicKey);
        parameters.ValidTypes = [TokenTypes.Credential];
        var result = await new JwtSecurityTokenHandler().ValidateTokenAsync(token, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    private static string Payload(string subject) =>
        $$"""{"iss":"https://issuer.test","aud":"payments","sub":"{{subject}}","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}""";

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = "https://issuer.test",
        ValidAudience = "payments",
        IssuerSigningKey = key,
        ValidAlgorithms = [EdDsa.Algorithm],
    };
}
