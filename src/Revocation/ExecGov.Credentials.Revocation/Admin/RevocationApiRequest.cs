using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ExecGov.Credentials.Http.Errors;
using ExecGov.Credentials.Revocation.Endpoints;

namespace ExecGov.Credentials.Revocation.Admin;

/// <summary>
/// The body of <c>POST /v1/revocations</c>: <c>{"scope", "target", "action", "reason"}</c>, wire names as in
/// docs/revocation.md §1. Members are nullable because the body comes from outside; <see cref="TryValidate"/>
/// turns it into a <see cref="RevocationRequest"/> or a problem.
/// </summary>
public sealed record RevocationApiRequest
{
    /// <summary>The longest accepted <see cref="Target"/>.</summary>
    public const int MaxTargetLength = 256;

    /// <summary>The longest accepted <see cref="Reason"/>.</summary>
    public const int MaxReasonLength = 1_024;

    /// <summary><c>scope</c>: credential, session, agent, authoriser or signing_key.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary><c>target</c>: the credential id, session id, agent id, authoriser subject or key id.</summary>
    [JsonPropertyName("target")]
    public string? Target { get; init; }

    /// <summary><c>action</c>: revoke, suspend or unsuspend.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary><c>reason</c>: why, for the audit trail.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>
    /// Checks the request in a fixed order (scope, action, target, reason) and builds the act for
    /// <paramref name="responder"/>. Never throws for bad input: false with the first problem found.
    /// </summary>
    public bool TryValidate(string responder, [NotNullWhen(true)] out RevocationRequest? request, [NotNullWhen(false)] out HttpError? problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responder);
        request = null;
        if (!RevocationNames.TryParseScope(Scope, out var scope))
        {
            problem = new HttpError(ErrorCode.UnknownScope, Scope is null ? "scope is missing." : "scope is not a known scope.");
            return false;
        }

        if (!RevocationNames.TryParseAction(Action, out var action))
        {
            problem = new HttpError(ErrorCode.UnknownAction, Action is null ? "action is missing." : "action is not a known action.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(Target))
        {
            problem = new HttpError(ErrorCode.EmptyTarget);
            return false;
        }

        if (Target.Length > MaxTargetLength || Target.Any(char.IsControl))
        {
            problem = new HttpError(ErrorCode.InvalidTarget);
            return false;
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            problem = new HttpError(ErrorCode.MissingReason);
            return false;
        }

        if (Reason.Length > MaxReasonLength || Reason.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            problem = new HttpError(ErrorCode.InvalidReason);
            return false;
        }

        problem = null;
        request = new RevocationRequest { Scope = scope, Target = Target, Action = action, Responder = responder, Reason = Reason };
        return true;
    }
}
