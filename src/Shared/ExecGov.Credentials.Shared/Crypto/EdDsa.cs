using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Crypto;

/// <summary>Names and the shared IdentityModel provider factory for RFC 8037 EdDSA.</summary>
public static class EdDsa
{
    /// <summary>The JOSE <c>alg</c> value for Ed25519 signatures (RFC 8037 §3.1).</summary>
    public const string Algorithm = "EdDSA";

    /// <summary>The JWK <c>kty</c> for octet key pairs (RFC 8037 §2).</summary>
    public const string KeyType = "OKP";

    /// <summary>The JWK <c>crv</c> for Ed25519.</summary>
    public const string Curve = "Ed25519";

    /// <summary>
    /// The provider factory every <see cref="Ed25519SecurityKey"/> carries. Signature providers are not
    /// cached: an Ed25519 provider is a thin wrapper with nothing worth pooling.
    /// </summary>
    public static CryptoProviderFactory ProviderFactory { get; } = new()
    {
        CustomCryptoProvider = new EdDsaCryptoProvider(),
        CacheSignatureProviders = false,
    };
}
