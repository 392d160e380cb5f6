using System.Collections.Concurrent;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Verifier.Keys;

namespace ExecGov.Credentials.Verifier.Tests.Keys;

/// <summary>A key source whose keys a test can withdraw, as a JWKS refresh after a rotation or compromise would.</summary>
internal sealed class WithdrawableKeySource(IIssuerKeySource inner) : IIssuerKeySource
{
    private readonly ConcurrentDictionary<string, bool> _withdrawn = new(StringComparer.Ordinal);

    public void Withdraw(string keyId) => _withdrawn[keyId] = true;

    public bool IsTrusted(string issuer) => inner.IsTrusted(issuer);

    public async ValueTask<Ed25519SecurityKey?> GetKeyAsync(string issuer, string keyId, CancellationToken cancellationToken) =>
        _withdrawn.ContainsKey(keyId) ? null : await inner.GetKeyAsync(issuer, keyId, cancellationToken);
}
