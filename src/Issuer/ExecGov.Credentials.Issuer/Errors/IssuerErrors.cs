using System.Collections.Frozen;

namespace ExecGov.Credentials.Issuer.Errors;

/// <summary>
/// The one place where error codes get their string form, HTTP status and message. Messages say what was
/// wrong and how to fix it; the <c>detail</c> of a single failure adds the specifics.
/// </summary>
public static class IssuerErrors
{
    /// <summary>The problem <c>type</c> URI prefix; the code follows it.</summary>
    public const string TypePrefix = "urn:execgov:issuer:error:";

    private static readonly FrozenDictionary<IssuerErrorCode, Entry> Entries = new Dictionary<IssuerErrorCode, Entry>
    {
        [IssuerErrorCode.InvalidRequest] = new("invalid_request", 400, "The request is malformed. Check the body against the OpenAPI document: sizes, formats, and no unknown fields."),
        [IssuerErrorCode.Unauthorized] = new("unauthorized", 401, "A valid admin access token is required. Get one from the token endpoint with the client credentials grant."),
        [IssuerErrorCode.Forbidden] = new("forbidden", 403, "The caller's roles do not allow this operation. Ask an admin for the needed role."),
        [IssuerErrorCode.NotFound] = new("not_found", 404, "No such endpoint or resource."),
        [IssuerErrorCode.RateLimited] = new("rate_limited", 429, "Too many requests. Retry after the Retry-After interval."),
        [IssuerErrorCode.MethodNotAllowed] = new("method_not_allowed", 405, "The endpoint does not accept this HTTP method. Check the method against the OpenAPI document."),
        [IssuerErrorCode.PayloadTooLarge] = new("payload_too_large", 413, "The request body is larger than this endpoint accepts. Send less data per request."),
        [IssuerErrorCode.UnsupportedMediaType] = new("unsupported_media_type", 415, "The request body must be JSON with Content-Type application/json."),
        [IssuerErrorCode.AgentNotFound] = new("agent_not_found", 404, "No agent with that id is registered. Register it first."),
        [IssuerErrorCode.AgentExists] = new("agent_exists", 409, "An agent with that id is already registered. Choose another id."),
        [IssuerErrorCode.AgentKeyInUse] = new("agent_key_in_use", 409, "Another agent is registered with this public key. Generate a new key pair for this agent."),
        [IssuerErrorCode.AgentNotActive] = new("agent_not_active", 409, "The agent is suspended or decommissioned. Resume it before issuing credentials."),
        [IssuerErrorCode.AgentDecommissioned] = new("agent_decommissioned", 409, "The agent is decommissioned, which is final. Register a new agent instead."),
        [IssuerErrorCode.InvalidAgentKey] = new("invalid_agent_key", 400, "The agent key must be a public Ed25519 JWK (kty OKP, crv Ed25519, 32-byte x) without a private member."),
        [IssuerErrorCode.ScopeExceedsCeiling] = new("scope_exceeds_ceiling", 403, "The requested authorization details are not within the agent's scope ceiling. Narrow the request or raise the ceiling."),
        [IssuerErrorCode.AudienceNotAllowed] = new("audience_not_allowed", 403, "The requested audience is not among the agent's allowed audiences."),
        [IssuerErrorCode.LifetimeExceedsMaximum] = new("lifetime_exceeds_maximum", 403, "The requested lifetime exceeds the agent's maximum or the issuer's hard cap. Ask for a shorter lifetime."),
        [IssuerErrorCode.ApprovalNotFound] = new("approval_not_found", 404, "No approval request with that id exists."),
        [IssuerErrorCode.ApprovalNotPending] = new("approval_not_pending", 409, "The approval request was already decided or collected."),
        [IssuerErrorCode.ApprovalExpired] = new("approval_expired", 409, "The approval request expired. The requester must ask again."),
        [IssuerErrorCode.SelfApprovalForbidden] = new("self_approval_forbidden", 403, "The requester cannot decide their own request. Another approver must decide it."),
        [IssuerErrorCode.NotRequester] = new("not_requester", 403, "Only the requester may collect the credential of an approved request."),
        [IssuerErrorCode.ApprovalNotApproved] = new("approval_not_approved", 409, "The request is not approved (pending, denied, expired or already collected)."),
        [IssuerErrorCode.InvalidAssertion] = new("invalid_assertion", 401, "The agent assertion is invalid: it must be an EdDSA JWT with typ execgov-assertion+jwt, signed by the agent's registered key, for this issuer, short-lived and current."),
        [IssuerErrorCode.AssertionReplayed] = new("assertion_replayed", 401, "The agent assertion was already used. Sign a fresh assertion with a new jti for every request."),
        [IssuerErrorCode.ClientExists] = new("client_exists", 409, "An admin client with that id already exists."),
        [IssuerErrorCode.TraceNotFound] = new("trace_not_found", 404, "No credential or session with that id was issued by this issuer."),
        [IssuerErrorCode.IssuanceBlocked] = new("issuance_blocked", 403, "A revocation or suspension covers this session, agent, authoriser or signing key, so nothing more is issued under it."),
        [IssuerErrorCode.AgentRevoked] = new("agent_revoked", 409, "The agent's credentials were revoked, which is final: it cannot be resumed. Decommission it and register a new agent with a new key."),
        [IssuerErrorCode.RevocationUnavailable] = new("revocation_unavailable", 503, "The revocation store could not commit; nothing was changed. Retry; the server log has the details."),
        [IssuerErrorCode.InvalidClientKey] = new("invalid_client_key", 400, "The admin client key must be a public Ed25519 JWK (kty OKP, crv Ed25519, 32-byte x) without a private member."),
        [IssuerErrorCode.AdminClientNotFound] = new("admin_client_not_found", 404, "No admin client with that id exists. List them with GET /v1/admin-clients."),
        [IssuerErrorCode.RolesConflict] = new("roles_conflict", 400, "One client may not hold both the admin and the approver role: create separate clients for separate people."),
        [IssuerErrorCode.ApproverNotIndependent] = new("approver_not_independent", 403, "This approver is not independent of the request (registered the agent, set its ceiling, approved it already, or is the person it grants to). Another person must decide it."),
        [IssuerErrorCode.InternalError] = new("internal_error", 500, "An unexpected error occurred; nothing was changed. The server log has the details."),
    }.ToFrozenDictionary();

    /// <summary>The stable string form of <paramref name="code"/>.</summary>
    public static string Code(IssuerErrorCode code) => Entries[code].Code;

    /// <summary>The HTTP status for <paramref name="code"/>.</summary>
    public static int Status(IssuerErrorCode code) => Entries[code].Status;

    /// <summary>The message (problem <c>title</c>) for <paramref name="code"/>.</summary>
    public static string Message(IssuerErrorCode code) => Entries[code].Message;

    /// <summary>Every code, for documentation and tests.</summary>
    public static IReadOnlyList<IssuerErrorCode> All { get; } = Enum.GetValues<IssuerErrorCode>();

    /// <summary>The error code whose HTTP status is <paramref name="status"/> for generic failures (routing, auth, limits).</summary>
    public static IssuerErrorCode ForStatus(int status) => status switch
    {
        401 => IssuerErrorCode.Unauthorized,
        403 => IssuerErrorCode.Forbidden,
        404 => IssuerErrorCode.NotFound,
        405 => IssuerErrorCode.MethodNotAllowed,
        413 => IssuerErrorCode.PayloadTooLarge,
        415 => IssuerErrorCode.UnsupportedMediaType,
        429 => IssuerErrorCode.RateLimited,
        >= 400 and < 500 => IssuerErrorCode.InvalidRequest,
        _ => IssuerErrorCode.InternalError,
    };

    private sealed record Entry(string Code, int Status, string Message);
}
