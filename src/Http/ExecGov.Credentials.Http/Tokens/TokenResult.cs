namespace ExecGov.Credentials.Http.Tokens;

/// <summary>
/// The answer of a token request: an access token, or why there is none. Never carries the client's secret.
/// </summary>
/// <param name="AccessToken">The token; null when the request failed.</param>
/// <param name="ExpiresAt">When the token expires (from <c>expires_in</c>, five minutes when absent).</param>
/// <param name="Refused">
/// True when the token endpoint refused the client (a 4xx answer, RFC 6749 §5.2): asking again with the same
/// credentials will not help. False for an endpoint that could not be reached or answered 5xx: try again later.
/// </param>
/// <param name="Status">The HTTP status of the answer; 0 when there was none.</param>
/// <param name="Error">The RFC 6749 §5.2 <c>error</c> of a refusal, when the endpoint gave one.</param>
/// <param name="Cause">Why there is no token, in words for a log line (no secrets); null on success.</param>
public sealed record TokenResult(string? AccessToken, DateTimeOffset ExpiresAt, bool Refused, int Status, string? Error, string? Cause)
{
    /// <summary>The body of a failed answer (a problem document or an RFC 6749 error), for callers that report it; never a token.</summary>
    public string? FailedBody { get; init; }

    /// <summary>What went wrong when there was no answer (a connection failure or a timeout), for callers that report it.</summary>
    public Exception? Exception { get; init; }

    /// <summary>Whether a token was obtained.</summary>
    public bool Succeeded => AccessToken is not null;
}
