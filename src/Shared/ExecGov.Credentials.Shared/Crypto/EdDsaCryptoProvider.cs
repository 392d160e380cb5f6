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

        var willCreateSignatures = args.Length > 1 && args[1] is true;
        return new Ed25519SignatureProvider((Ed25519SecurityKey)args[0], algorithm, willCreateSignatures);
    }

    public void Release(object cryptoInstance)
    {
        if (cryptoInstance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
