namespace ExecGov.Credentials.Http.Errors;

/// <summary>One failure: its catalogue code and the specifics of this occurrence (never a secret).</summary>
/// <param name="Code">The closed-set code; its string form, status and title come from <see cref="ErrorCatalogue"/>.</param>
/// <param name="Detail">What exactly was wrong, for the problem's <c>detail</c>; null to repeat the title.</param>
/// <param name="Field">The request member at fault, when there is one, for the problem's <c>field</c>.</param>
public sealed record HttpError(ErrorCode Code, string? Detail = null, string? Field = null);
