using ExecGov.Credentials.Assertions;

namespace ExecGov.Credentials.Issuer.Assertions;

/// <summary>The outcome of <see cref="AgentAssertionValidator.Validate"/>.</summary>
/// <param name="Error"><see cref="AgentAssertionError.None"/> when valid.</param>
/// <param name="Claims">The verified claims; null unless valid.</param>
public sealed record AgentAssertionResult(AgentAssertionError Error, AgentAssertionClaims? Claims)
{
    /// <summary>True when the assertion is valid (its <c>jti</c> must still be checked for replay).</summary>
    public bool IsValid => Error == AgentAssertionError.None && Claims is not null;

    /// <summary>
    /// Until when the issuer must remember the <c>jti</c> to refuse a replay: <c>exp</c> plus the clock skew.
    /// Null unless valid.
    /// </summary>
    public DateTimeOffset? RememberIdUntil { get; init; }
}
