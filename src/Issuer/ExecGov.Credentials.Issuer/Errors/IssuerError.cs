namespace ExecGov.Credentials.Issuer.Errors;

/// <summary>One failure: its code and the specifics of this occurrence (never a secret).</summary>
/// <param name="Code">The closed-set code.</param>
/// <param name="Detail">What exactly was wrong, for the problem's <c>detail</c>.</param>
public sealed record IssuerError(IssuerErrorCode Code, string? Detail = null);
