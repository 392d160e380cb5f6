namespace ExecGov.Credentials.Proofs;

/// <summary>The proof's <c>htu</c> rule, shared by the agent that writes it and the verifier that compares it.</summary>
public static class ProofTarget
{
    /// <summary>The <c>htu</c> form of a URI: scheme, host, port and path; no query, no fragment (RFC 9449 §4.2).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is null.</exception>
    public static string Normalize(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
    }
}
