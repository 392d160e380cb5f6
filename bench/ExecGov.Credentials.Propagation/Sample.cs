namespace ExecGov.Credentials.Propagation;

/// <summary>
/// One revocation, in milliseconds: from the revoke call's success to the first denial (the measure),
/// from the act's <c>changed_at</c> (the commit) to the first denial, and how long the revoke call took.
/// </summary>
internal readonly record struct Sample(double FromSuccess, double FromCommit, double RevokeCall);
