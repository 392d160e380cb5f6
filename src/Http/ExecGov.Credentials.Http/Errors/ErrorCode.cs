namespace ExecGov.Credentials.Http.Errors;

/// <summary>
/// Every way a request to an ExecGov.Credentials service (issuer, revocation, verifier endpoint) can fail: a closed
/// set. Each has one stable string form (its <c>code</c> in problem+json, logs and docs/errors.md), one HTTP status
/// and one title, all in <see cref="ErrorCatalogue"/>. Verifier deny reasons are not here: a deny is a decision,
/// not an HTTP error (docs/reason-codes.md).
/// </summary>
public enum ErrorCode
{
    /// <summary><c>invalid_request</c>: a parameter or a member's value is not acceptable.</summary>
    InvalidRequest,

    /// <summary><c>invalid_json</c>: the body is not one JSON object of the endpoint's shape (unknown, duplicate or missing members included).</summary>
    InvalidJson,

    /// <summary><c>unauthorized</c>: no valid admin access token.</summary>
    Unauthorized,

    /// <summary><c>forbidden</c>: the caller lacks the role the endpoint needs.</summary>
    Forbidden,

    /// <summary><c>not_found</c>: no such route or resource.</summary>
    NotFound,

    /// <summary><c>rate_limited</c>: too many requests; retry later.</summary>
    RateLimited,

    /// <summary><c>method_not_allowed</c>: the route exists but not with this HTTP method.</summary>
    MethodNotAllowed,

    /// <summary><c>payload_too_large</c>: the body is larger than the endpoint accepts.</summary>
    PayloadTooLarge,

    /// <summary><c>unsupported_media_type</c>: the body is not <c>application/json</c>.</summary>
    UnsupportedMediaType,

    /// <summary><c>missing_field</c>: a required member of the body is missing or null.</summary>
    MissingField,

    /// <summary><c>unknown_field</c>: the body has a member the endpoint does not define.</summary>
    UnknownField,

    /// <summary><c>invalid_field</c>: a member of the body has the wrong type, length or form.</summary>
    InvalidField,

    /// <summary><c>agent_not_found</c>.</summary>
    AgentNotFound,

    /// <summary><c>agent_exists</c>: an agent with that id is already registered.</summary>
    AgentExists,

    /// <summary><c>agent_key_in_use</c>: another agent (in any state) is registered with the same public key.</summary>
    AgentKeyInUse,

    /// <summary><c>agent_not_active</c>: the agent is suspended or decommissioned.</summary>
    AgentNotActive,

    /// <summary><c>agent_decommissioned</c>: a decommissioned agent cannot change state again.</summary>
    AgentDecommissioned,

    /// <summary><c>invalid_agent_key</c>: the agent's key is not a public Ed25519 JWK.</summary>
    InvalidAgentKey,

    /// <summary><c>scope_exceeds_ceiling</c>: the requested authorization details are not within the agent's ceiling.</summary>
    ScopeExceedsCeiling,

    /// <summary><c>audience_not_allowed</c>.</summary>
    AudienceNotAllowed,

    /// <summary><c>lifetime_exceeds_maximum</c>.</summary>
    LifetimeExceedsMaximum,

    /// <summary><c>approval_not_found</c>.</summary>
    ApprovalNotFound,

    /// <summary><c>approval_not_pending</c>: already decided, collected or expired.</summary>
    ApprovalNotPending,

    /// <summary><c>approval_expired</c>.</summary>
    ApprovalExpired,

    /// <summary><c>self_approval_forbidden</c>: the requester cannot approve or deny their own request.</summary>
    SelfApprovalForbidden,

    /// <summary><c>not_requester</c>: only the requester collects an approved credential.</summary>
    NotRequester,

    /// <summary><c>approval_not_approved</c>: the request is pending, denied or already collected.</summary>
    ApprovalNotApproved,

    /// <summary><c>invalid_assertion</c>: the agent assertion is malformed, badly signed, expired or for another issuer.</summary>
    InvalidAssertion,

    /// <summary><c>assertion_replayed</c>: the assertion's <c>jti</c> was already used.</summary>
    AssertionReplayed,

    /// <summary><c>client_exists</c>: an admin client with that id already exists.</summary>
    ClientExists,

    /// <summary><c>trace_not_found</c>: no credential or session with that id was issued here.</summary>
    TraceNotFound,

    /// <summary><c>issuance_blocked</c>: a revocation or suspension covers the session, agent, authoriser or signing key.</summary>
    IssuanceBlocked,

    /// <summary><c>agent_revoked</c>: an agent-scope revocation covered the agent; revocation is final, so it cannot be resumed.</summary>
    AgentRevoked,

    /// <summary><c>revocation_unavailable</c>: the revocation store could not commit (a status index or an act); nothing was changed.</summary>
    RevocationUnavailable,

    /// <summary><c>invalid_client_key</c>: an admin client's key is not a public Ed25519 JWK.</summary>
    InvalidClientKey,

    /// <summary><c>internal_error</c>: an unexpected failure; nothing was changed.</summary>
    InternalError,

    /// <summary><c>admin_client_not_found</c>: no admin client with that id.</summary>
    AdminClientNotFound,

    /// <summary><c>roles_conflict</c>: the roles break separation of duties (admin together with approver).</summary>
    RolesConflict,

    /// <summary><c>approver_not_independent</c>: the approver registered the agent, set its ceiling, already approved, or is the person a new approver client is for.</summary>
    ApproverNotIndependent,

    /// <summary><c>status_list_not_found</c>: no status list has that id.</summary>
    StatusListNotFound,

    /// <summary><c>status_list_unavailable</c>: the list cannot be signed right now (no signing key).</summary>
    StatusListUnavailable,

    /// <summary><c>invalid_last_event_id</c>: <c>Last-Event-ID</c> is not a non-negative decimal integer.</summary>
    InvalidLastEventId,

    /// <summary><c>unknown_scope</c>: a revocation's <c>scope</c> is missing or not one of the documented names.</summary>
    UnknownScope,

    /// <summary><c>unknown_action</c>: a revocation's <c>action</c> is missing or not one of the documented names.</summary>
    UnknownAction,

    /// <summary><c>empty_target</c>: a revocation's <c>target</c> is missing or blank.</summary>
    EmptyTarget,

    /// <summary><c>invalid_target</c>: a revocation's <c>target</c> is too long or holds control characters.</summary>
    InvalidTarget,

    /// <summary><c>missing_reason</c>: a revocation's <c>reason</c> is missing or blank.</summary>
    MissingReason,

    /// <summary><c>invalid_reason</c>: a revocation's <c>reason</c> is too long or holds control characters other than line breaks.</summary>
    InvalidReason,

    /// <summary><c>credential_not_found</c>: a <c>credential</c> revocation named an id that was never issued here.</summary>
    CredentialNotFound,

    /// <summary><c>target_not_found</c>: the host does not know the agent, key, session or authoriser a revocation names.</summary>
    TargetNotFound,

    /// <summary><c>responder_unknown</c>: the authenticated caller has no subject to record as responder.</summary>
    ResponderUnknown,

    /// <summary><c>too_many_subscribers</c>: the event stream serves as many subscribers as it is configured to.</summary>
    TooManySubscribers,
}
