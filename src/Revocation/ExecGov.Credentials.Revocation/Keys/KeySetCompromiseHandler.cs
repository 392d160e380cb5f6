using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Signing.Keys;
using ExecGov.Credentials.Revocation.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Revocation.Keys;

/// <summary>
/// The default <see cref="ISigningKeyCompromiseHandler"/>: marks the key compromised in the keyset file at
/// <see cref="RevocationOptions.KeySetPath"/> (the issuer reloads its keyset to drop it from the JWKS).
/// Without a keyset path it only warns: the credentials are already revoked in the lists, but the key stays
/// published until someone withdraws it.
/// </summary>
internal sealed class KeySetCompromiseHandler(IOptions<RevocationOptions> options, TimeProvider time, ILogger<KeySetCompromiseHandler> logger)
    : ISigningKeyCompromiseHandler
{
    public ValueTask OnCompromisedAsync(string keyId, CancellationToken cancellationToken)
    {
        var path = options.Value.KeySetPath;
        if (string.IsNullOrEmpty(path))
        {
            RevocationLog.NoKeySetForCompromise(logger, LogText.Escape(keyId)!);
            return ValueTask.CompletedTask;
        }

        SigningKeyInfo? info;

        // Only the key list is read here; a development keyset is accepted because the host already chose to run on it.
        using (var keySet = SigningKeySet.Load(path, allowDevelopmentKeys: true))
        {
            info = keySet.Keys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
        }

        if (info is null || info.Status == SigningKeyStatus.Compromised)
        {
            // Not a key of this keyset (nothing to withdraw) or already withdrawn: done.
            return ValueTask.CompletedTask;
        }

        SigningKeySet.MarkCompromised(path, keyId, time);
        RevocationLog.KeyMarkedCompromised(logger, LogText.Escape(keyId)!);
        return ValueTask.CompletedTask;
    }
}
