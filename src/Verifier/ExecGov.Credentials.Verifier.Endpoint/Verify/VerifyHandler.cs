using ExecGov.Credentials.Diagnostics;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Http.Problems;
using ExecGov.Credentials.Verifier.AspNetCore.Decisions;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Endpoint.Verify;

/// <summary>
/// <c>POST /v1/verify</c>: a structurally valid body always answers <c>200</c> with the decision (a deny is an
/// answer, not an error); a body that cannot be read answers RFC 9457 problem+json with a stable <c>code</c>
/// and reaches no verifier. Every decision is recorded (structured log event 3001/3002, and shipped when
/// configured); no token or proof is ever logged.
/// </summary>
internal static partial class VerifyHandler
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        CredentialVerifier verifier,
        DecisionRecorder recorder,
        IOptions<VerifierEndpointOptions> endpointOptions,
        IOptions<CredentialVerifierOptions> verifierOptions,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var body = await VerifyRequestReader.ReadAsync(context.Request, endpointOptions.Value.MaxRequestBytes).ConfigureAwait(false);
        if (body.Failed)
        {
            // An unknown member's name comes from the caller: escaped like any request text.
            var error = body.Error;
            LogRefused(loggers.CreateLogger(typeof(VerifyHandler)), ErrorCatalogue.Code(error.Code), error.Field is null ? null : LogText.Escape(error.Field));
            return ProblemWriter.Result(error);
        }

        var input = body.Value;

        // The caller names the audience only to pick among those this verifier is configured for, never another one.
        if (input.Audience is { } named && !IsAllowedAudience(named, endpointOptions.Value, verifierOptions.Value))
        {
            var refused = VerifyRequestReader.Invalid("audience", "audience is not one this verifier checks; omit it to use the configured audience, or add it to Endpoint:AllowedAudiences.");
            LogRefused(loggers.CreateLogger(typeof(VerifyHandler)), ErrorCatalogue.Code(refused.Code), refused.Field);
            return ProblemWriter.Result(refused);
        }

        var request = new ActionRequest
        {
            Action = input.Action,
            Resource = input.Resource,
            Audience = input.Audience,
            Method = input.Method,
            Target = input.Url,
            Context = input.Context,
        };
        var decision = await verifier.VerifyAsync(new Presentation(input.Credential, input.Proof), request, cancellationToken).ConfigureAwait(false);
        recorder.Record(decision, input.Audience ?? verifierOptions.Value.Audience);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(VerifyResponse.From(decision), EndpointJsonContext.Default.VerifyResponse);
    }

    private static bool IsAllowedAudience(string audience, VerifierEndpointOptions endpoint, CredentialVerifierOptions verifier)
    {
        if (string.Equals(audience, verifier.Audience, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var allowed in endpoint.AllowedAudiences)
        {
            if (string.Equals(audience, allowed, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Refused a /v1/verify request before verification: {Code} (field {Field})")]
    private static partial void LogRefused(ILogger logger, string code, string? field);
}
