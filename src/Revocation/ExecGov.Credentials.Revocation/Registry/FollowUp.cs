namespace ExecGov.Credentials.Revocation.Registry;

/// <summary>
/// Records that an act's after-commit steps succeeded (audit sink, key withdrawal). Written with the next
/// batch, not durably on its own: losing it in a crash only means the step runs again after the restart
/// (at-least-once; the audit record carries the act id, so the issuer can drop a duplicate).
/// </summary>
internal sealed record FollowUp(long ActId, bool Audited, bool KeyWithdrawn);
