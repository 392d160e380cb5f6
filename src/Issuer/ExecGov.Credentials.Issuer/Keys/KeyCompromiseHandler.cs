using System.Text.Json;
using ExecGov.Credentials.Issuer.Audit;
using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Storage;
using ExecGov.Credentials.Signing.Keys;
using ExecGov.Credentials.Store;
using ExecGov.Credentials.Revocation;

namespace ExecGov.Credentials.Issuer.Keys;

/// <summary>
/// Withdraws a signing key the revocation feature declared compromised: the keyset file marks it, the
/// loaded keys are swapped (it leaves the JWKS at once; a fresh key takes over when it was active), and the
/// change is audited as <c>key_compromised</c>. Called after the key's credentials are durably revoked, and
/// again after a restart when the first call did not finish: a key that is already compromised, or that this
/// keyset does not hold, needs nothing more.
/// </summary>
internal sealed class KeyCompromiseHandler(KeyRing keys, IExecGovStore store, AuditLog audit) : ISigningKeyCompromiseHandler
{
    public ValueTask OnCompromisedAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var known = keys.Current.Keys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
        if (known is null || known.Status == SigningKeyStatus.Compromised)
        {
            return ValueTask.CompletedTask;
        }

        var active = keys.MarkCompromised(keyId);
        store.Write<bool>(() =>
        {
            audit.Append(new AuditEntry(AuditEventKinds.KeyCompromised, "issuer",
                Details: JsonSerializer.Serialize(new KeyRotatedDetails(active, keyId, null), IssuerJsonContext.Default.KeyRotatedDetails)));
            return true;
        });
        return ValueTask.CompletedTask;
    }
}
