using Microsoft.AspNetCore.Http;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>
/// The HTTP status and <c>WWW-Authenticate</c> error of each deny reason (docs/aspnetcore.md has the table).
/// 401 = present a (different) credential or proof; 403 = the credential was understood and is refused for this
/// action (retrying with it will not help); 503/500 = the verifier could not decide (fail closed).
/// </summary>
internal static class DenialStatus
{
    public const string InvalidToken = "invalid_token";
    public const string InvalidProof = "invalid_dpop_proof";
    public const string InsufficientScope = "insufficient_scope";

    // RFC 6750 defines no error code for "could not decide"; these two are the OAuth registry's (RFC 6749 §4.1.2.1).
    public const string TemporarilyUnavailable = "temporarily_unavailable";
    public const string ServerError = "server_error";

    public static (int Status, string Error) Of(ReasonCode reason) => reason switch
    {
        // RFC 9449 §7.1: a missing, invalid or replayed proof is invalid_dpop_proof.
        ReasonCode.ProofMissing or ReasonCode.ProofInvalid or ReasonCode.ProofReplayed => (StatusCodes.Status401Unauthorized, InvalidProof),

        // RFC 6750 §3.1: insufficient_scope is 403.
        ReasonCode.ScopeDenied or ReasonCode.ConstraintViolated => (StatusCodes.Status403Forbidden, InsufficientScope),

        // RFC 6750 §3.1 names "revoked" under invalid_token; 403 rather than 401 because a responder withdrew it on
        // purpose: a client must not treat it as "authenticate again" and loop.
        ReasonCode.Revoked or ReasonCode.Suspended => (StatusCodes.Status403Forbidden, InvalidToken),

        ReasonCode.StatusUnavailable => (StatusCodes.Status503ServiceUnavailable, TemporarilyUnavailable),

        // One holder with too many proofs in flight: RFC 6585 §4, slow down; other holders are unaffected.
        ReasonCode.ProofQuotaExceeded => (StatusCodes.Status429TooManyRequests, TemporarilyUnavailable),
        ReasonCode.VerifierError => (StatusCodes.Status500InternalServerError, ServerError),

        // malformed, too_large, alg_not_allowed, typ_mismatch, crit_unsupported, unknown_key, signature_invalid,
        // issuer_untrusted, audience_mismatch, not_yet_valid, expired: the credential itself is not acceptable here.
        _ => (StatusCodes.Status401Unauthorized, InvalidToken),
    };
}
