using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Crypto;

/// <summary>
/// Plugs Ed25519 into IdentityModel through <see cref="CryptoProviderFactory.CustomCryptoProvider"/>: it
/// answers only for <c>EdDSA</c> with an <see cref="Ed25519SecurityKey"/>, so no other algorithm can be
/// routed to it and it cannot be routed anywhere else (RFC 8725 §3.1, one algorithm per key).
/// </summary>
internal sealed class EdDsaCryptoProvider : ICryptoProvider
{
    public bool IsSupportedAlgorithm(string algorithm, params object[] args) =>
        string.Equals(algorithm, EdDsa.Algorithm, StringComparison.Ordinal) &&
        args is { Length: > 0 } && args[0] is Ed25519SecurityKey;

    public object Create(string algorithm, params object[] args)
    {
        if (!IsSupportedAlgorithm(algorithm, args))
        {
            throw new NotSupportedException($"Only {EdDsa.Algorithm} with an Ed25519 key is supported.");
        }

        // Verification only: the keys this provider answers for have no private half.
        if (args.Length > 1 && args[1] is true)
        {
            throw new NotSupportedException($"An {nameof(Ed25519SecurityKey)} verifies only; sign with CompactJwsWriter.");
        }

        return new Ed25519SignatureProvider((Ed25519SecurityKey)args[0], algorithm);
    }

    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
