using System.Collections.Frozen;

namespace ExecGov.Credentials.Verifier;

/// <summary>The wire strings of <see cref="ReasonCode"/> and one sentence each on what to do about it.</summary>
public static class ReasonCodes
{
    private static readonly string[] Wire =
    [
        "allowed", "malformed", "too_large", "alg_not_allowed", "typ_mismatch", "crit_unsupported",
        "unknown_key", "signature_invalid", "issuer_untrusted", "audience_mismatch", "not_yet_valid",
        "expired", "scope_denied", "constraint_violated", "proof_missing", "proof_invalid",
        "proof_replayed", "revoked", "suspended", "status_unavailable", "verifier_error", "proof_quota_exceeded",
    ];

    private static readonly string[] Advice =
    [
        "The action is allowed.",
        "The credential is not a well-formed JWS compact token with the documented claims; request a new one from the issuer.",
        "The credential or proof exceeds the verifier's size limit; credentials are small, so this is not one.",
        "Only EdDSA (Ed25519) is accepted; the token was signed with another algorithm.",
        "The token is not an ExecGov credential (typ execgov-credential+jwt); do not present other token kinds.",
        "The token requires header extensions (crit) that this verifier does not implement.",
        "The issuer publishes no key with this kid; the key may have been rotated out or withdrawn.",
        "The signature does not verify: the token was altered or signed by someone else.",
        "The issuer is not trusted by this verifier; check the verifier's trusted issuers.",
        "The credential was issued for another service; request one for this audience.",
        "The credential is not valid yet; check the clocks of issuer, agent and verifier.",
        "The credential has expired; the agent should obtain a fresh one.",
        "The credential does not grant this action on this resource; request a credential with that scope.",
        "The action is granted but the request breaks one of its constraints (or does not state the value it limits).",
        "A holder proof (DPoP header) is required with every presentation.",
        "The holder proof is invalid: wrong key, method, URL, credential hash or time; sign a fresh proof per request.",
        "The holder proof was already used; sign a fresh proof per request.",
        "The credential was revoked.",
        "The credential is suspended pending investigation.",
        "The verifier has no fresh revocation status for this credential; check its connection to the issuer.",
        "The verifier failed unexpectedly; the request was denied. See the verifier's log.",
        "This holder key has too many proofs in flight (or the verifier's replay memory is full); slow down and retry after the proof lifetime.",
    ];

    private static readonly FrozenDictionary<string, ReasonCode> Parsed =
        Enum.GetValues<ReasonCode>().ToFrozenDictionary(code => Wire[(int)code], code => code, StringComparer.Ordinal);

    /// <summary>All codes in order.</summary>
    public static IReadOnlyList<ReasonCode> All { get; } = Enum.GetValues<ReasonCode>();

    /// <summary>The wire string, e.g. <c>proof_replayed</c>.</summary>
    public static string ToWireString(this ReasonCode code) => Wire[(int)code];

    /// <summary>One sentence saying what the code means and what to do.</summary>
    public static string Describe(this ReasonCode code) => Advice[(int)code];

    /// <summary>Parses a wire string; false for anything not in the closed set.</summary>
    public static bool TryParse(string? value, out ReasonCode code)
    {
        code = ReasonCode.VerifierError;
        return value is not null && Parsed.TryGetValue(value, out code);
    }
}
