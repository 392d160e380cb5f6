using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Issuer.Keys;
using ExecGov.Credentials.Revocation;
using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Issuer.Revocations;

/// <summary>
/// Refuses <c>POST /v1/revocations</c> acts on an agent that is not registered, a signing key that is not in
/// the keyset or a holder key no registered agent holds (<c>404 target_not_found</c>): a mistyped id in an incident must not look like a success that
/// covered nothing, nor leave a block on an id that is registered later. Sessions and authorisers may be
/// blocked before anything is issued under them. Asked inside the act's transaction, so the answer holds for the act.
/// </summary>
internal sealed class KnownRevocationTargets(IExecGovStore store, KeyRing keys)
{
    public bool IsKnown(RevocationScope scope, string target) => scope switch
    {
        RevocationScope.Agent => Identifiers.IsValid(target) && store.Agents.FindById(target) is not null,
        RevocationScope.SigningKey => keys.Current.Keys.Any(k => string.Equals(k.KeyId, target, StringComparison.Ordinal)),
        RevocationScope.HolderKey => store.Agents.FindOne(a => a.KeyThumbprint == target) is not null,
        _ => true,
    };
}
