namespace ExecGov.Credentials.Revocation.Endpoints;

/// <summary>The closed set of errors the revocation endpoints answer; string forms in <see cref="RevocationErrors"/>.</summary>
public enum RevocationErrorCode
{
    /// <summary><c>status_list_not_found</c> (404): no list has that id.</summary>
    StatusListNotFound,

    /// <summary><c>status_list_unavailable</c> (503): the list cannot be signed right now (no signing key).</summary>
    StatusListUnavailable,

    /// <summary><c>invalid_last_event_id</c> (400): <c>Last-Event-ID</c> is not a non-negative decimal integer.</summary>
    InvalidLastEventId,

    /// <summary><c>unsupported_media_type</c> (415): the body is not <c>application/json</c>.</summary>
    UnsupportedMediaType,

    /// <summary><c>body_too_large</c> (400): the body is over the limit.</summary>
    BodyTooLarge,

    /// <summary><c>invalid_json</c> (400): the body is not a JSON object of the documented shape (unknown or duplicate members included).</summary>
    InvalidJson,

    /// <summary><c>unknown_scope</c> (400): <c>scope</c> is missing or not one of the documented names.</summary>
    UnknownScope,

    /// <summary><c>unknown_action</c> (400): <c>action</c> is missing or not one of the documented names.</summary>
    UnknownAction,

    /// <summary><c>empty_target</c> (400): <c>target</c> is missing or blank.</summary>
    EmptyTarget,

    /// <summary><c>invalid_target</c> (400): <c>target</c> is too long or holds control characters.</summary>
    InvalidTarget,

    /// <summary><c>missing_reason</c> (400): <c>reason</c> is missing or blank.</summary>
    MissingReason,

    /// <summary><c>invalid_reason</c> (400): <c>reason</c> is too long or holds control characters other than line breaks.</summary>
    InvalidReason,

    /// <summary><c>credential_not_found</c> (404): a <c>credential</c> act named an id that was never issued here.</summary>
    CredentialNotFound,

    /// <summary><c>target_not_found</c> (404): the host does not know the agent, key, session or authoriser the act names (<see cref="HostActPart"/>).</summary>
    TargetNotFound,

    /// <summary><c>responder_unknown</c> (403): the authenticated caller has no subject to record as responder.</summary>
    ResponderUnknown,

    /// <summary><c>revocation_unavailable</c> (503): the store could not commit; nothing changed, retry.</summary>
    RevocationUnavailable,

    /// <summary><c>too_many_subscribers</c> (503): the event stream serves as many subscribers as it is configured to; poll, reconnect later.</summary>
    TooManySubscribers,
}
