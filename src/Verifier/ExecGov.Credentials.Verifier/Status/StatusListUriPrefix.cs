namespace ExecGov.Credentials.Verifier.Status;

/// <summary>
/// Decides which status list URIs a verifier may fetch: exactly the configured (or learnt) base followed by one
/// decimal list id (docs/revocation.md §2). The URI comes from a credential, so this is what keeps a token from
/// pointing the verifier at any other address (RFC 8725 §3.10: no SSRF from token contents). The comparison is
/// ordinal on the canonical form of the base; a URI with a query, fragment, dot segments, percent-escapes or a
/// different spelling of the host simply does not match.
/// </summary>
internal sealed class StatusListUriPrefix
{
    private const int MaxListIdDigits = 18;
    private readonly string _prefix;

    public StatusListUriPrefix(Uri statusListBase)
    {
        ArgumentNullException.ThrowIfNull(statusListBase);
        var canonical = statusListBase.GetLeftPart(UriPartial.Path);
        _prefix = canonical.EndsWith('/') ? canonical : canonical + "/";
    }

    /// <summary>The base every list URI starts with, ending in <c>/</c>.</summary>
    public string Prefix => _prefix;

    /// <summary>True when <paramref name="uri"/> is the prefix followed by a decimal list id (1 to 18 digits, no leading zero).</summary>
    public bool Contains(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Length <= _prefix.Length || uri.Length > _prefix.Length + MaxListIdDigits || !uri.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var id = uri.AsSpan(_prefix.Length);
        return id[0] != '0' && !id.ContainsAnyExceptInRange('0', '9');
    }
}
