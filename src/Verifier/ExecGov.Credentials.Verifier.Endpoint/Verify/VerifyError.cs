namespace ExecGov.Credentials.Verifier.Endpoint.Verify;

/// <summary>
/// Why a <c>/v1/verify</c> body was refused before verification. The codes are stable (docs/verifier.md):
/// <c>unsupported_media_type</c>, <c>body_too_large</c>, <c>invalid_json</c>, <c>missing_field</c>,
/// <c>unknown_field</c>, <c>invalid_field</c>.
/// </summary>
internal sealed record VerifyError(int Status, string Code, string Detail, string? Field = null)
{
    public static VerifyError Missing(string field) => new(StatusCodes.Status400BadRequest, "missing_field", $"The required field '{field}' is missing or null.", field);

    public static VerifyError Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, "invalid_field", detail, field);

    public static VerifyError Unknown(string field) => new(StatusCodes.Status400BadRequest, "unknown_field", $"The field '{field}' is not part of the request; remove it.", field);

    public static VerifyError BadJson(string detail) => new(StatusCodes.Status400BadRequest, "invalid_json", detail);

    public static VerifyError BadUnicode() => new(StatusCodes.Status400BadRequest, "invalid_json", "The body holds text that is not valid Unicode (invalid UTF-8, or a lone UTF-16 surrogate such as \\ud800).");

    public static VerifyError TooLarge(int limit) => new(StatusCodes.Status400BadRequest, "body_too_large", $"The body exceeds {limit} bytes.");

    public static VerifyError MediaType() => new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send Content-Type: application/json.");
}
