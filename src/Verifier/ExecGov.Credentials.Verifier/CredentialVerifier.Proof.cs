using System.Security.Cryptography;
using System.Text;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Crypto;
using ExecGov.Credentials.Jose;
using ExecGov.Credentials.Verifier.Proofs;
using ExecGov.Credentials.Proofs;
using NSec.Cryptography;

namespace ExecGov.Credentials.Verifier;

/// <summary>The holder proof (RFC 9449 §4.3, applied to our credential).</summary>
public sealed partial class CredentialVerifier
{
    private const int MaxProofIdLength = 128;

    /// <summary>
    /// Every check of the proof except replay: on success <paramref name="pending"/> is what
    /// <see cref="RecordProof"/> remembers once the presentation passed everything else, status included, so a
    /// proof that is denied for any other reason (a revoked credential's, say) takes no replay memory.
    /// </summary>
    private ReasonCode CheckProof(string? proof, VerifiedCredential credential, ActionRequest request, DateTimeOffset now, out PendingProof pending)
    {
        pending = default;
        var claims = credential.Claims;
        if (string.IsNullOrEmpty(proof))
        {
            return ReasonCode.ProofMissing;
        }

        if (proof.Length > _options.MaxProofLength || !CompactJws.TrySplit(proof, out var firstDot, out var secondDot))
        {
            return ReasonCode.ProofInvalid;
        }

        // The proof's key must be the one the credential is bound to (cnf.jkt), before we verify with it.
        if (ProofKey(proof.AsSpan(0, firstDot)) is not { } agentKey ||
            !string.Equals(agentKey.Thumbprint, claims.Confirmation.KeyThumbprint, StringComparison.Ordinal) ||
            !VerifyProofSignature(proof, secondDot, agentKey.Key))
        {
            return ReasonCode.ProofInvalid;
        }

        if (!CompactJws.TryDecode<ProofClaims>(proof.AsSpan(firstDot + 1, secondDot - firstDot - 1), CredentialClaimsReader.TryReadProof, out var proofClaims))
        {
            return ReasonCode.ProofInvalid;
        }

        var seconds = now.ToUnixTimeSeconds();
        if (proofClaims!.Id.Length is 0 or > MaxProofIdLength ||
            !string.Equals(proofClaims.Method, request.Method, StringComparison.Ordinal) ||
            !string.Equals(proofClaims.Uri, ProofTarget.Normalize(request.Target), StringComparison.Ordinal) ||
            proofClaims.IssuedAt > seconds + _skewSeconds ||
            proofClaims.IssuedAt < seconds - _proofLifetimeSeconds - _skewSeconds ||
            !HashMatches(proofClaims.CredentialHash, credential.Hash))
        {
            return ReasonCode.ProofInvalid;
        }

        // Replay memory is scoped to the key, so one agent cannot burn another's proof ids; it lasts as long
        // as the proof could still be accepted. The thumbprint is the remembered key's instance (equal to cnf.jkt,
        // checked above), not the one just read from the credential: the replay memory then keeps no per-credential
        // string alive, which the garbage collector would otherwise copy through its generations.
        var forgetAfter = DateTimeOffset.FromUnixTimeSeconds(proofClaims.IssuedAt + _proofLifetimeSeconds + (2 * _skewSeconds) + 1);
        pending = new PendingProof(agentKey.Thumbprint, proofClaims.Id, forgetAfter);
        return ReasonCode.Allowed;
    }

    /// <summary>The last check: the proof is remembered (RFC 9449 §11.1), within its holder's share of the memory.</summary>
    private ReasonCode RecordProof(in PendingProof pending) =>
        _replay.Record(pending.Thumbprint!, pending.Id!, pending.ForgetAfter) switch
        {
            ProofRecordOutcome.Recorded => ReasonCode.Allowed,
            ProofRecordOutcome.QuotaExceeded => ReasonCode.ProofQuotaExceeded,
            _ => ReasonCode.ProofReplayed,
        };

    /// <summary>A checked proof waiting to be remembered.</summary>
    private readonly record struct PendingProof(string? Thumbprint, string? Id, DateTimeOffset ForgetAfter)
    {
        public bool IsSet => Thumbprint is not null;
    }

    /// <summary>
    /// The agent key of a proof header that passes every header check, or null. Headers seen before are answered
    /// from a <see cref="SegmentCache{TValue}"/>: only a header that passed these same checks is ever remembered.
    /// </summary>
    private HolderKey? ProofKey(ReadOnlySpan<char> headerSegment)
    {
        if (_holderKeys.TryGet(headerSegment, out var known))
        {
            return known;
        }

        if (!CompactJws.TryDecodeHeader(headerSegment, out var header))
        {
            return null;
        }

        // The proof's row of the one header table: a credential presented as a proof fails here, as does a private jwk.
        if (JoseHeaderRules.Check(header!, TokenKind.Proof) != HeaderVerdict.Valid)
        {
            return null;
        }

        var x = header!.Jwk!.X!;

        Span<byte> raw = stackalloc byte[32];
        if (!Base64UrlStrict.TryDecode(x, raw, out var written) || written != raw.Length ||
            !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return null;
        }

        var agentKey = new HolderKey(key, Jwk.Ed25519Thumbprint(raw));
        _holderKeys.Add(headerSegment, agentKey);
        return agentKey;
    }

    private static bool VerifyProofSignature(string proof, int secondDot, PublicKey key)
    {
        Span<byte> signature = stackalloc byte[CompactJws.SignatureLength];
        if (!CompactJws.TryDecodeSignature(proof.AsSpan(secondDot + 1), signature))
        {
            return false;
        }

        var input = secondDot <= 2048 ? stackalloc byte[secondDot] : new byte[secondDot];
        Encoding.ASCII.GetBytes(proof.AsSpan(0, secondDot), input);
        return SignatureAlgorithm.Ed25519.Verify(key, input, signature);
    }

    private static bool HashMatches(string ath, byte[] credentialHash)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        return ath.Length == 43 &&
               Base64UrlStrict.TryDecode(ath, presented, out var written) && written == SHA256.HashSizeInBytes &&
               CryptographicOperations.FixedTimeEquals(presented, credentialHash);
    }
}
