namespace ExecGov.Credentials.Revocation;

/// <summary>
/// Optional host hook for <c>POST /v1/revocations</c>: lets the host refuse an act that names a target it
/// does not know (a mistyped agent id or key id), before anything is committed. Without a registration every
/// target is accepted and a block is left for it, which is what a pre-emptive block needs. Acts on a
/// <see cref="RevocationScope.Credential"/> are checked by the registry itself (<c>credential_not_found</c>).
/// </summary>
public interface IRevocationTargetCheck
{
    /// <summary>
    /// Whether <paramref name="target"/> names something this host knows in <paramref name="scope"/>. False makes
    /// the endpoint answer <c>404 target_not_found</c> and change nothing. Must not throw for any input.
    /// </summary>
    bool IsKnown(RevocationScope scope, string target);
}
