using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using ExecGov.Credentials.Crypto;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Tests.Crypto;

/// <summary>JsonWebTokenHandler both creates and validates EdDSA tokens through the NSec provider.</summary>
public sealed class IdentityModelInteropTests
{
    [Fact]
    public async Task JsonWebTokenHandler_creates_and_validates_EdDSA_tokens()
    {
        using var key = Ed25519SecurityKey.Generate();
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.test",
            Audience = "payments",
            Subject = new ClaimsIdentity([new Claim("sub", "agent-1")]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = EdDsa.SigningCredentials(key),
        });

        Assert.StartsWith("eyJhbGciOiJFZERTQSI", token, StringComparison.Ordinal);
        var verificationKey = new Ed25519SecurityKey(key.PublicKeyBytes.Span, key.KeyId);
        var result = await handler.ValidateTokenAsync(token, Parameters(verificationKey));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("agent-1", result.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task JsonWebTokenHandler_rejects_EdDSA_token_signed_by_another_key()
    {
        using var signer = Ed25519SecurityKey.Generate();
        using var other = Ed25519SecurityKey.Generate();
        var handler = new JsonWebTokenHandler();
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://issuer.test",
            Audience = "payments",
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = EdDsa.SigningCredentials(signer),
        });

        var wrongKey = new Ed25519SecurityKey(other.PublicKeyBytes.Span, signer.KeyId);
        var result = await handler.ValidateTokenAsync(token, Parameters(wrongKey));
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Legacy_JwtSecurityTokenHandler_validates_our_credentials_too()
    {
        // A second, independent code path of IdentityModel (System.IdentityModel.Tokens.Jwt) given only
        // our public JWKS: proves the token format is plain JWS, not something only our verifier reads.
        using var key = Ed25519SecurityKey.Generate();
        var token = ExecGov.Credentials.Credentials.CredentialWriter.SignPayload(
            $$"""{"iss":"https://issuer.test","aud":"payments","sub":"agent-1","exp":{{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}""",
            ExecGov.Credentials.Credentials.TokenTypes.Credential, key, extraHeader: null);
        var jwks = new JsonWebKeySet();
        jwks.Keys.Add(key.ToPublicJwk());
        var publicKey = new Ed25519SecurityKey(Base64UrlEncoder.DecodeBytes(jwks.Keys[0].X), jwks.Keys[0].Kid);
        var parameters = Parameters(publicKey);
        parameters.ValidTypes = [ExecGov.Credentials.Credentials.TokenTypes.Credential];
        var result = await new JwtSecurityTokenHandler().ValidateTokenAsync(token, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = "https://issuer.test",
        ValidAudience = "payments",
        IssuerSigningKey = key,
        ValidAlgorithms = [EdDsa.Algorithm],
    };
}
