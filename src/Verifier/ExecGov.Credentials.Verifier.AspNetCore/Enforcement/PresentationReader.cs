using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>
/// Reads <c>Authorization: DPoP &lt;credential&gt;</c> and <c>DPoP: &lt;proof&gt;</c> (RFC 9449 §7.1, §4.3), and
/// <c>Authorization: Bearer &lt;credential&gt;</c> only where bearer presentation is allowed. Header problems are not
/// decided here: they become inputs the verifier refuses with its own reason code, so every outcome goes through
/// one checklist and one decision record.
/// </summary>
internal static class PresentationReader
{
    public const string BearerScheme = "Bearer";

    // Not a compact JWS, so the verifier answers malformed / proof_invalid for it, after the checks that come first.
    private const string Ambiguous = "ambiguous";

    public static (Presentation Presentation, PresentationScheme Scheme) Read(HttpRequest request, bool allowBearer)
    {
        var authorization = request.Headers[HeaderNames.Authorization];
        if (authorization.Count > 1)
        {
            // RFC 9110 §11.6.2 allows one Authorization field; two are an attempt to confuse a proxy or us.
            return (new Presentation(Ambiguous, null), PresentationScheme.DPoP);
        }

        if (authorization.Count == 1 && TryParse(authorization[0], ExecGovCredentialDefaults.DPoPScheme, out var credential))
        {
            var proofs = request.Headers[ExecGovCredentialDefaults.ProofHeader];

            // RFC 9449 §4.3 check 1: not more than one DPoP header field.
            var proof = proofs.Count switch
            {
                0 => null,
                1 => proofs[0],
                _ => Ambiguous,
            };
            return (new Presentation(credential, proof), PresentationScheme.DPoP);
        }

        if (allowBearer && authorization.Count == 1 && TryParse(authorization[0], BearerScheme, out credential))
        {
            // No proof is read: a bearer presentation is decided without one (RFC 9449 §7.2 forbids mixing).
            return (new Presentation(credential, null), PresentationScheme.Bearer);
        }

        return (new Presentation(null, null), PresentationScheme.None);
    }

    private static bool TryParse(string? value, string scheme, out string? token)
    {
        token = null;
        if (value is null || value.Length <= scheme.Length + 1 ||
            !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ||
            value[scheme.Length] != ' ')
        {
            return false;
        }

        token = value.AsSpan(scheme.Length + 1).Trim().ToString();
        return true;
    }
}
