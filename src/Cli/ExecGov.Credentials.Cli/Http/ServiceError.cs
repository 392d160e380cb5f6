using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Cli.Http;

/// <summary>
/// Turns what can go wrong talking to a service into one actionable line and a stable exit code: unreachable,
/// not an ExecGov service, or an RFC 9457 problem whose <c>code</c> decides the exit code (docs/cli.md).
/// </summary>
internal static class ServiceError
{
    public const string StartIssuerHint = "start it (dotnet run --project src/Issuer/ExecGov.Credentials.Issuer.Server) or point --issuer at it";

    /// <summary>Refusals of the caller itself rather than of the request: exit 6 whatever their HTTP status.</summary>
    private static readonly HashSet<string> NotAllowedCodes = new(StringComparer.Ordinal)
    {
        "unauthorized", "forbidden", "responder_unknown", "invalid_assertion", "assertion_replayed",
    };

    /// <summary>
    /// The exit code for an issuer problem, the one rule docs/cli.md states: the caller not signed in or not allowed
    /// → 6; <c>*_not_found</c> → 3; malformed input (400, 413, 415, or an <c>invalid_*</c> code when the status is not
    /// known) → 2; rate limiting and 5xx → 5; every other refusal (policy or state) → 8.
    /// </summary>
    /// <param name="code">The problem's <c>code</c>.</param>
    /// <param name="status">The HTTP status, or 0 when only the code is known.</param>
    public static int ExitCodeFor(string code, int status)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code switch
        {
            _ when NotAllowedCodes.Contains(code) => ExitCodes.Unauthorized,
            _ when code.EndsWith("_not_found", StringComparison.Ordinal) => ExitCodes.NotFound,
            "rate_limited" => ExitCodes.Unavailable,
            _ when status is 400 or 413 or 415 || (status == 0 && code.StartsWith("invalid_", StringComparison.Ordinal)) => ExitCodes.InvalidInput,
            _ when status >= 500 => ExitCodes.Unavailable,
            _ => ExitCodes.Refused,
        };
    }

    public static CliException Unreachable(string service, Uri uri, Exception exception, string hint)
    {
        var cause = exception switch
        {
            TaskCanceledException or TimeoutException => "it did not answer in time",
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused",
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } } => "the host name does not resolve",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name does not resolve",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection failed",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "the TLS handshake failed",
            _ => "the request failed",
        };
        return new CliException(ExitCodes.Unavailable, "unreachable", $"Cannot reach the {service} at {uri.GetLeftPart(UriPartial.Authority)} ({cause}); {hint}.");
    }

    public static CliException NotAnExecGovService(string service, Uri baseUri, string path, int status, string hint) =>
        new(ExitCodes.Unavailable, "not_an_issuer",
            $"{baseUri.GetLeftPart(UriPartial.Authority)} answered HTTP {status} to {path} and does not look like an ExecGov {service}; {hint}.");

    /// <summary>Maps an error answer; <paramref name="body"/> is the parsed JSON body, or null when it was not JSON.</summary>
    public static CliException FromResponse(string service, Uri baseUri, string path, HttpStatusCode status, JsonNode? body, string hint, bool authenticated = true)
    {
        var code = Text(body, "code");

        // Without a token, the issuer answers every route it does not serve publicly with 401 (nothing is revealed to
        // anonymous probes): for a public document that means the URL does not lead to one.
        if (code is null || (!authenticated && code == "unauthorized"))
        {
            return NotAnExecGovService(service, baseUri, path, (int)status, hint);
        }

        var title = Text(body, "title");
        var detail = Text(body, "detail");
        var message = (title, detail) switch
        {
            (not null, not null) => $"{Trim(title)} ({detail})",
            (not null, null) => title,
            (null, not null) => detail,
            _ => $"The {service} refused the request.",
        };

        return code switch
        {
            "unauthorized" => new CliException(ExitCodes.Unauthorized, code,
                "The issuer refused your admin token (expired, revoked or from another issuer); run execgov login."),
            "forbidden" => new CliException(ExitCodes.Unauthorized, code,
                $"Your admin client lacks the role for {path}{(detail is null ? string.Empty : $" ({Trim(detail)})")}; sign in with a client that has it (execgov login --client-id <id>)."),
            "not_found" or "method_not_allowed" => new CliException(ExitCodes.Unavailable, "not_an_issuer",
                $"{baseUri.GetLeftPart(UriPartial.Authority)} has no {path} ({code}); check --issuer points at an ExecGov {service} of this version."),
            "rate_limited" => new CliException(ExitCodes.Unavailable, code, $"The {service} is rate limiting these requests; wait a minute and retry."),
            _ when (int)status >= 500 => new CliException(ExitCodes.Unavailable, code, $"The {service} failed ({code}): {message} Retry; if it persists, check its log."),
            _ => new CliException(ExitCodeFor(code, (int)status), code, $"{code}: {message}"),
        };
    }

    private static string Trim(string text) => text.EndsWith('.') ? text[..^1] : text;

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
            ? s.ReplaceLineEndings(" ")
            : null;
}
