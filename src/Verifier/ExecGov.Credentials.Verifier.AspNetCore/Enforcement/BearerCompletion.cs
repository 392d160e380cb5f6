using System.Buffers.Text;
using System.Text.Json;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Verifier.Status;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>
/// Finishes a decision for a bearer presentation. The verifier has no "no proof" mode and stops at
/// <c>proof_missing</c>; by its fixed checklist (docs/credential-format.md §4) that means steps 1–7 passed:
/// size, structure, header, issuer, key, signature, audience, lifetime, scope and constraints. What remains
/// is step 9, the revocation status, done here exactly as the verifier does it. Written here (not in the
/// verifier) because the verifier's decision code is owned elsewhere; see docs/aspnetcore.md.
/// </summary>
internal static class BearerCompletion
{
    public static async ValueTask<Decision> CompleteAsync(
        Decision afterProof, string credential, ICredentialStatusSource status, bool requireStatus, CancellationToken cancellationToken)
    {
        if (afterProof.Reason != ReasonCode.ProofMissing || afterProof.Issuer is not { } issuer)
        {
            return afterProof;
        }

        if (!TryReadClaims(credential, out var claims))
        {
            return afterProof with { Reason = ReasonCode.VerifierError };
        }

        if (claims.Status is not { } reference)
        {
            return afterProof with { Reason = requireStatus ? ReasonCode.StatusUnavailable : ReasonCode.Allowed };
        }

        var reason = await status.GetStatusAsync(issuer, reference.StatusList, cancellationToken).ConfigureAwait(false) switch
        {
            CredentialStatus.Valid => ReasonCode.Allowed,
            CredentialStatus.Revoked => ReasonCode.Revoked,
            CredentialStatus.Suspended => ReasonCode.Suspended,
            _ => ReasonCode.StatusUnavailable,
        };
        return afterProof with { Reason = reason };
    }

    private static bool TryReadClaims(string credential, out CredentialClaims claims)
    {
        claims = null!;
        var first = credential.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : credential.IndexOf('.', first + 1);
        if (first <= 0 || second <= first)
        {
            return false;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(credential.AsSpan(first + 1, second - first - 1));
            claims = JsonSerializer.Deserialize(payload, CredentialJsonContext.Default.CredentialClaims)!;
            return claims is not null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
