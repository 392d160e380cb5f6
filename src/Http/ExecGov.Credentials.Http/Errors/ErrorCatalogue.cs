using System.Collections.Frozen;

namespace ExecGov.Credentials.Http.Errors;

/// <summary>
/// The one place where error codes get their string form, HTTP status and title (docs/errors.md lists them, and a
/// test keeps the two equal). Titles say what was wrong and how to fix it; the <c>detail</c> of a single failure
/// adds the specifics.
/// </summary>
public static class ErrorCatalogue
{
    /// <summary>The problem <c>type</c> URI prefix; the code follows it.</summary>
    public const string TypePrefix = "urn:execgov:error:";

    private static readonly FrozenDictionary<ErrorCode, Entry> Entries = new Dictionary<ErrorCode, Entry>
    {
        // Generic: any endpoint, routing, authentication, limits, bodies.
        [ErrorCode.InvalidRequest] = new("invalid_request", 400, "The request is malformed. Check its parameters and members against the documented API: sizes and formats."),
        [ErrorCode.InvalidJson] = new("invalid_json", 400, "The body must be one JSON object of the documented shape: no unknown or duplicate members, required members present."),
        [ErrorCode.Unauthorized] = new("unauthorized", 401, "A valid admin access token is required. Get one from the token endpoint with the client credentials grant."),
        [ErrorCode.Forbidden] = new("forbidden", 403, "The caller's roles do not allow this operation. Ask an admin for the needed role."),
        [ErrorCode.NotFound] = new("not_found", 404, "No such endpoint or resource."),
        [ErrorCode.RateLimited] = new("rate_limited", 429, "Too many requests. Retry after the Retry-After interval."),
        [ErrorCode.MethodNotAllowed] = new("method_not_allowed", 405, "The endpoint does not accept this HTTP method. Check the method against the OpenAPI document."),
        [ErrorCode.PayloadTooLarge] = new("payload_too_large", 413, "The request body is larger than this endpoint accepts. Send less data per request."),
        [ErrorCode.UnsupportedMediaType] = new("unsupported_media_type", 415, "The request body must be JSON with Content-Type application/json."),
        [ErrorCode.MissingField] = new("missing_field", 400, "A required member of the body is missing or null. Add it."),
        [ErrorCode.UnknownField] = new("unknown_field", 400, "The body has a member this endpoint does not define. Remove it."),
        [ErrorCode.InvalidField] = new("invalid_field", 400, "A member of the body has the wrong type, length or form. Check it against the documented API."),
        [ErrorCode.InternalError] = new("internal_error", 500, "An unexpected error occurred; nothing was changed. The server log has the details."),

        // Issuer.
        [ErrorCode.AgentNotFound] = new("agent_not_found", 404, "No agent with that id is registered. Register it first."),
        [ErrorCode.AgentExists] = new("agent_exists", 409, "An agent with that id is already registered. Choose another id."),
        [ErrorCode.AgentKeyInUse] = new("agent_key_in_use", 409, "Another agent is registered with this public key. Generate a new key pair for this agent."),
        [ErrorCode.AgentNotActive] = new("agent_not_active", 409, "The agent is suspended or decommissioned. Resume it before issuing credentials."),
        [ErrorCode.AgentDecommissioned] = new("agent_decommissioned", 409, "The agent is decommissioned, which is final. Register a new agent instead."),
        [ErrorCode.InvalidAgentKey] = new("invalid_agent_key", 400, "The agent key must be a public Ed25519 JWK (kty OKP, crv Ed25519, 32-byte x) without a private member."),
        [ErrorCode.ScopeExceedsCeiling] = new("scope_exceeds_ceiling", 403, "The requested authorization details are not within the agent's scope ceiling. Narrow the request or raise the ceiling."),
        [ErrorCode.AudienceNotAllowed] = new("audience_not_allowed", 403, "The requested audience is not among the agent's allowed audiences."),
        [ErrorCode.LifetimeExceedsMaximum] = new("lifetime_exceeds_maximum", 403, "The requested lifetime exceeds the agent's maximum or the issuer's hard cap. Ask for a shorter lifetime."),
        [ErrorCode.ApprovalNotFound] = new("approval_not_found", 404, "No approval request with that id exists."),
        [ErrorCode.ApprovalNotPending] = new("approval_not_pending", 409, "The approval request was already decided or collected."),
        [ErrorCode.ApprovalExpired] = new("approval_expired", 409, "The approval request expired. The requester must ask again."),
        [ErrorCode.SelfApprovalForbidden] = new("self_approval_forbidden", 403, "The requester cannot decide their own request. Another approver must decide it."),
        [ErrorCode.NotRequester] = new("not_requester", 403, "Only the requester may collect the credential of an approved request."),
        [ErrorCode.ApprovalNotApproved] = new("approval_not_approved", 409, "The request is not approved (pending, denied, expired or already collected)."),
        [ErrorCode.InvalidAssertion] = new("invalid_assertion", 401, "The agent assertion is invalid: it must be an EdDSA JWT with typ execgov-assertion+jwt, signed by the agent's registered key, for this issuer, short-lived and current."),
        [ErrorCode.AssertionReplayed] = new("assertion_replayed", 401, "The agent assertion was already used. Sign a fresh assertion with a new jti for every request."),
        [ErrorCode.ClientExists] = new("client_exists", 409, "An admin client with that id already exists."),
        [ErrorCode.TraceNotFound] = new("trace_not_found", 404, "No credential or session with that id was issued by this issuer."),
        [ErrorCode.IssuanceBlocked] = new("issuance_blocked", 403, "A revocation or suspension covers this session, agent, authoriser or signing key, so nothing more is issued under it."),
        [ErrorCode.AgentRevoked] = new("agent_revoked", 409, "The agent's credentials were revoked, which is final: it cannot be resumed. Decommission it and register a new agent with a new key."),
        [ErrorCode.InvalidClientKey] = new("invalid_client_key", 400, "The admin client key must be a public Ed25519 JWK (kty OKP, crv Ed25519, 32-byte x) without a private member."),
        [ErrorCode.AdminClientNotFound] = new("admin_client_not_found", 404, "No admin client with that id exists. List them with GET /v1/admin-clients."),
        [ErrorCode.RolesConflict] = new("roles_conflict", 400, "One client may not hold both the admin and the approver role: create separate clients for separate people."),
        [ErrorCode.ApproverNotIndependent] = new("approver_not_independent", 403, "This approver is not independent of the request (registered the agent, set its ceiling, approved it already, or is the person it grants to). Another person must decide it."),

        // Revocation.
        [ErrorCode.RevocationUnavailable] = new("revocation_unavailable", 503, "The revocation store could not commit; nothing was changed. Retry; the server log has the details."),
        [ErrorCode.StatusListNotFound] = new("status_list_not_found", 404, "No status list has this id. Use the uri from a credential's status claim."),
        [ErrorCode.StatusListUnavailable] = new("status_list_unavailable", 503, "The status list cannot be signed right now. Retry later; until then treat its credentials as status unavailable."),
        [ErrorCode.InvalidLastEventId] = new("invalid_last_event_id", 400, "Last-Event-ID must be the decimal id of an event this stream sent. Reconnect without it to start afresh."),
        [ErrorCode.UnknownScope] = new("unknown_scope", 400, "scope must be one of credential, session, agent, authoriser, signing_key."),
        [ErrorCode.UnknownAction] = new("unknown_action", 400, "action must be one of revoke, suspend, unsuspend."),
        [ErrorCode.EmptyTarget] = new("empty_target", 400, "target is required: the credential id, session id, agent id, authoriser subject or key id."),
        [ErrorCode.InvalidTarget] = new("invalid_target", 400, "target must be at most 256 characters without control characters."),
        [ErrorCode.MissingReason] = new("missing_reason", 400, "reason is required: say why, for the audit trail."),
        [ErrorCode.InvalidReason] = new("invalid_reason", 400, "reason must be at most 1024 characters without control characters other than line breaks."),
        [ErrorCode.CredentialNotFound] = new("credential_not_found", 404, "No credential with this id was issued here; nothing was changed. Check the id (the credential's jti)."),
        [ErrorCode.TargetNotFound] = new("target_not_found", 404, "The target names nothing this issuer knows in that scope (no such agent or signing key); nothing was changed. Check the id."),
        [ErrorCode.ResponderUnknown] = new("responder_unknown", 403, "The caller's token has no subject to record as the responder. Use a token with a sub claim."),
        [ErrorCode.TooManySubscribers] = new("too_many_subscribers", 503, "The event stream serves as many subscribers as it is configured to. Poll the status lists (every ttl) meanwhile and reconnect after Retry-After."),
    }.ToFrozenDictionary();

    /// <summary>Every code, for documentation and tests.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } = Enum.GetValues<ErrorCode>();

    /// <summary>The stable string form of <paramref name="code"/>.</summary>
    public static string Code(ErrorCode code) => Entries[code].Code;

    /// <summary>The HTTP status of <paramref name="code"/>.</summary>
    public static int Status(ErrorCode code) => Entries[code].Status;

    /// <summary>The title (what is wrong and how to fix it) of <paramref name="code"/>.</summary>
    public static string Title(ErrorCode code) => Entries[code].Title;

    /// <summary>The problem <c>type</c> of <paramref name="code"/>: <see cref="TypePrefix"/> and the code.</summary>
    public static string Type(ErrorCode code) => Entries[code].Type;

    /// <summary>The code answered for a bare HTTP status that no endpoint explained (routing, authentication, limits).</summary>
    public static ErrorCode ForStatus(int status) => status switch
    {
        401 => ErrorCode.Unauthorized,
        403 => ErrorCode.Forbidden,
        404 => ErrorCode.NotFound,
        405 => ErrorCode.MethodNotAllowed,
        413 => ErrorCode.PayloadTooLarge,
        415 => ErrorCode.UnsupportedMediaType,
        429 => ErrorCode.RateLimited,
        >= 400 and < 500 => ErrorCode.InvalidRequest,
        _ => ErrorCode.InternalError,
    };

    private sealed record Entry(string Code, int Status, string Title)
    {
        public string Type { get; } = TypePrefix + Code;
    }
}
