using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExecGov.Credentials.Verifier.AspNetCore.Enforcement;

/// <summary>
/// Reads <c>Authorization: DPoP &lt;credential&gt;</c> and <c>DPoP: &lt;proof&gt;</c> (RFC 9449 §7.1, §4.3). Header
/// problems are not decided here: they become inputs the verifier refuses with its own reason code, so every
/// outcome goes through one checklist and one decision record.
/// </summary>
internal static class PresentationReader
{
    // Not a compact JWS, so the verifier answers malformed / proof_invalid for it, after the checks that come first.
    private const string Ambiguous = "ambiguous";

    public static (Presentation Presentation, bool CredentialPresented) Read(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization];
        string? credential = null;
        var presented = false;
        if (authorization.Count > 1)
        {
            // RFC 9110 §11.6.2 allows one Authorization field; two are an attempt to confuse a proxy or us.
            credential = Ambiguous;
            presented = true;
        }
        else if (authorization.Count == 1 && TryParseDPoP(authorization[0], out var token))
        {
            credential = token;
            presented = true;
        }

        var proofs = request.Headers[ExecGovCredentialDefaults.ProofHeader];

        // RFC 9449 §4.3 check 1: not more than one DPoP header field.
        var proof = proofs.Count switch
        {
            0 => null,
            1 => proofs[0],
            _ => Ambiguous,
        };
        return (new Presentation(credential, proof), presented);
    }

    private static bool TryParseDPoP(string? value, out string? token)
    {
        token = null;
        if (value is null || value.Length <= ExecGovCredentialDefaults.DPoPScheme.Length + 1 ||
            !value.StartsWith(ExecGovCredentialDefaults.DPoPScheme, StringComparison.OrdinalIgnoreCase) ||
            value[ExecGovCredentialDefaults.DPoPScheme.Length] != ' ')
        {
            return false; // Another scheme (e.g. Bearer) is not a DPoP presentation.
        }

        token = value.AsSpan(ExecGovCredentialDefaults.DPoPScheme.Length + 1).Trim().ToString();
        return true;
    }
}
