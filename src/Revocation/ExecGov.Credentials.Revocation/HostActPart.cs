using ExecGov.Credentials.Store;

namespace ExecGov.Credentials.Revocation;

/// <summary>
/// The host's part of a revocation act, run inside the act's own transaction (so the act, its audit record and
/// whatever the host keeps about its target commit together or not at all): the issuer refuses targets it does
/// not know and records the act in its hash-chained audit trail and agent registry. Registered by the host as a
/// singleton; without one (a host of the revocation domain alone) every target is accepted and nothing else is
/// recorded.
/// </summary>
/// <param name="IsKnownTarget">
/// Whether the host knows the target of a non-credential scope (false answers <c>404 target_not_found</c> and changes
/// nothing); a session or authoriser may be blocked before anything is issued under it. Must not throw.
/// </param>
/// <param name="Record">Records the applied act inside its transaction; an exception rolls the whole act back.</param>
internal sealed record HostActPart(
    Func<RevocationScope, string, bool> IsKnownTarget,
    Action<IStoreTransaction, RevocationRequest, RevocationResult> Record);
