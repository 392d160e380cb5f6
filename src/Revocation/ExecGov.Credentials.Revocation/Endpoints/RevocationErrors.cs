using System.Collections.Frozen;

namespace ExecGov.Credentials.Revocation.Endpoints;

/// <summary>
/// The one place where revocation error codes get their string form, HTTP status and message. Messages say
/// what was wrong and how to fix it; a problem's <c>detail</c> adds the specifics.
/// </summary>
public static class RevocationErrors
{
    /// <summary>The problem <c>type</c> URI prefix; the code follows it.</summary>
    public const string TypePrefix = "urn:execgov:revocation:error:";

    private static readonly FrozenDictionary<RevocationErrorCode, Entry> Entries = new Dictionary<RevocationErrorCode, Entry>
    {
        [RevocationErrorCode.StatusListNotFound] = new("status_list_not_found", 404, "No status list has this id. Use the uri from a credential's status claim."),
        [RevocationErrorCode.StatusListUnavailable] = new("status_list_unavailable", 503, "The status list cannot be signed right now. Retry later; until then treat its credentials as status unavailable."),
        [RevocationErrorCode.InvalidLastEventId] = new("invalid_last_event_id", 400, "Last-Event-ID must be the decimal id of an event this stream sent. Reconnect without it to start afresh."),
        [RevocationErrorCode.UnsupportedMediaType] = new("unsupported_media_type", 415, "Send the body as Content-Type: application/json."),
        [RevocationErrorCode.BodyTooLarge] = new("body_too_large", 400, "The body is too large. A revocation request is a small JSON object."),
        [RevocationErrorCode.InvalidJson] = new("invalid_json", 400, "The body must be one JSON object with the members scope, target, action and reason, and no others."),
        [RevocationErrorCode.UnknownScope] = new("unknown_scope", 400, "scope must be one of credential, session, agent, authoriser, signing_key."),
        [RevocationErrorCode.UnknownAction] = new("unknown_action", 400, "action must be one of revoke, suspend, unsuspend."),
        [RevocationErrorCode.EmptyTarget] = new("empty_target", 400, "target is required: the credential id, session id, agent id, authoriser subject or key id."),
        [RevocationErrorCode.InvalidTarget] = new("invalid_target", 400, "target must be at most 256 characters without control characters."),
        [RevocationErrorCode.MissingReason] = new("missing_reason", 400, "reason is required: say why, for the audit trail."),
        [RevocationErrorCode.InvalidReason] = new("invalid_reason", 400, "reason must be at most 1024 characters without control characters other than line breaks."),
        [RevocationErrorCode.CredentialNotFound] = new("credential_not_found", 404, "No credential with this id was issued here; nothing was changed. Check the id (the credential's jti)."),
        [RevocationErrorCode.TargetNotFound] = new("target_not_found", 404, "The target names nothing this issuer knows in that scope (no such agent or signing key); nothing was changed. Check the id."),
        [RevocationErrorCode.ResponderUnknown] = new("responder_unknown", 403, "The caller's token has no subject to record as the responder. Use a token with a sub claim."),
        [RevocationErrorCode.RevocationUnavailable] = new("revocation_unavailable", 503, "The revocation store could not commit; nothing was changed. Retry; the server log has the details."),
        [RevocationErrorCode.TooManySubscribers] = new("too_many_subscribers", 503, "The event stream serves as many subscribers as it is configured to. Poll the status lists (every ttl) meanwhile and reconnect after Retry-After."),
    }.ToFrozenDictionary();

    /// <summary>The stable string form of <paramref name="code"/>.</summary>
    public static string Code(RevocationErrorCode code) => Entries[code].Code;

    /// <summary>The HTTP status of <paramref name="code"/>.</summary>
    public static int Status(RevocationErrorCode code) => Entries[code].Status;

    /// <summary>The message (problem <c>title</c>) of <paramref name="code"/>.</summary>
    public static string Message(RevocationErrorCode code) => Entries[code].Message;

    private sealed record Entry(string Code, int Status, string Message);
}
