using System.Text.RegularExpressions;

namespace ExecGov.Credentials.Scopes;

/// <summary>
/// The one definition of what a scope pattern covers (docs/credential-format.md, "authorization_details entries"),
/// used by the verifier to match a request and by the issuer to check a grant against an agent's ceiling, so the
/// two can never disagree about what a credential allows.
/// </summary>
/// <remarks>
/// Actions are exact names or a <c>family.*</c>; a bare <c>*</c> is refused at registration and issuance
/// (<see cref="IsActionPattern"/>) and matches nothing, not even an action named <c>*</c>: a credential names
/// what it allows. Resources are exact or a <c>prefix*</c>; a resource with a dot segment never matches a prefix.
/// All comparisons are ordinal.
/// </remarks>
public static partial class ScopeMatcher
{
    /// <summary>The longest action name or pattern.</summary>
    public const int MaxActionLength = 128;

    /// <summary>
    /// Whether <paramref name="action"/> is a valid action name (<c>payments.release</c>) or family
    /// (<c>payments.*</c>): dot-separated segments of letters, digits, <c>_</c> and <c>-</c>, each starting with a
    /// letter or digit, at most <see cref="MaxActionLength"/> characters. A bare <c>*</c> is not valid.
    /// </summary>
    public static bool IsActionPattern(string? action) =>
        action is { Length: > 0 and <= MaxActionLength } && ActionGrammar().IsMatch(action);

    /// <summary>
    /// Whether the action pattern <paramref name="pattern"/> allows the requested action <paramref name="action"/>:
    /// equal, or <c>family.*</c> and the action starts with <c>family.</c> and is longer (never <c>family</c> itself,
    /// never <c>familyx.y</c>). A bare <c>*</c> allows nothing.
    /// </summary>
    public static bool ActionMatches(string pattern, string action)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(action);
        if (IsBareWildcard(pattern))
        {
            return false;
        }

        return pattern.EndsWith(".*", StringComparison.Ordinal)
            ? action.Length > pattern.Length - 1 && action.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal)
            : string.Equals(pattern, action, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether every action <paramref name="narrower"/> (a name or a family) allows is also allowed by
    /// <paramref name="pattern"/>: <c>payments.*</c> covers <c>payments.release</c> and <c>payments.refunds.*</c>.
    /// A bare <c>*</c> covers nothing and is covered by nothing.
    /// </summary>
    public static bool ActionCovers(string pattern, string narrower)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(narrower);

        // Matching a narrower family "q.*" as if it were a name is exact: it passes only when "q." starts with our
        // "p.", and then everything "q.*" allows (longer than "q.", starting with it) starts with "p." and is longer.
        return !IsBareWildcard(narrower) && ActionMatches(pattern, narrower);
    }

    /// <summary>
    /// Whether the resource pattern <paramref name="pattern"/> allows the requested resource <paramref name="resource"/>:
    /// equal, or <c>prefix*</c> and the resource starts with <c>prefix</c> and has no dot segment
    /// (<see cref="HasDotSegment"/>).
    /// </summary>
    public static bool ResourceMatches(string pattern, string resource)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(resource);
        return pattern.EndsWith('*')
            ? resource.StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal) && !HasDotSegment(resource)
            : string.Equals(pattern, resource, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether every resource <paramref name="narrower"/> (exact or <c>prefix*</c>) allows is also allowed by
    /// <paramref name="pattern"/>: an exact resource when <see cref="ResourceMatches"/> allows it, a narrower prefix
    /// when its prefix starts with ours (<c>invoice:*</c> covers <c>invoice:2026-*</c>, not <c>invoice*</c>).
    /// </summary>
    public static bool ResourceCovers(string pattern, string narrower)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(narrower);
        if (!narrower.EndsWith('*'))
        {
            return ResourceMatches(pattern, narrower);
        }

        // Whatever the narrower prefix allows starts with its prefix and has no dot segment, so it is enough that its
        // prefix starts with ours; comparing the pattern text itself would let "ab**" claim to cover "ab*".
        return string.Equals(pattern, narrower, StringComparison.Ordinal) ||
            (pattern.EndsWith('*') && narrower.AsSpan(0, narrower.Length - 1).StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal));
    }

    /// <summary>Whether some pattern of <paramref name="patterns"/> allows <paramref name="action"/> (<see cref="ActionMatches"/>).</summary>
    public static bool AnyActionMatches(IReadOnlyList<string> patterns, string action)
    {
        ArgumentNullException.ThrowIfNull(patterns);

        // Indexed loops here and below, not LINQ: the claims' lists are not all arrays or List (a one-value list is
        // compiler-made), and enumerating those allocates on the verifier's path.
        for (var i = 0; i < patterns.Count; i++)
        {
            if (ActionMatches(patterns[i], action))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some pattern of <paramref name="patterns"/> allows <paramref name="resource"/> (<see cref="ResourceMatches"/>).</summary>
    public static bool AnyResourceMatches(IReadOnlyList<string> patterns, string resource)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        for (var i = 0; i < patterns.Count; i++)
        {
            if (ResourceMatches(patterns[i], resource))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="values"/> holds <paramref name="value"/>, ordinally (locations, audiences, destinations).</summary>
    public static bool ContainsExact(IReadOnlyList<string> values, string value)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether any <c>/</c>- or <c>\</c>-separated segment of <paramref name="resource"/> is <c>.</c> or <c>..</c>,
    /// each dot plain or <c>%2e</c>/<c>%2E</c>: <c>invoices/../payroll</c> starts with <c>invoices/</c> but names
    /// something else wherever it is resolved.
    /// </summary>
    internal static bool HasDotSegment(ReadOnlySpan<char> resource)
    {
        if (resource.IndexOfAny('.', '%') < 0)
        {
            return false; // The common case: no dot can be there at all.
        }

        while (true)
        {
            var end = resource.IndexOfAny('/', '\\');
            var segment = end < 0 ? resource : resource[..end];
            var dots = 0;
            while (dots <= 2 && !segment.IsEmpty)
            {
                if (segment[0] == '.')
                {
                    segment = segment[1..];
                }
                else if (segment.Length >= 3 && segment[0] == '%' && segment[1] == '2' && (segment[2] is 'e' or 'E'))
                {
                    segment = segment[3..];
                }
                else
                {
                    break;
                }

                dots++;
            }

            if (segment.IsEmpty && dots is 1 or 2)
            {
                return true;
            }

            if (end < 0)
            {
                return false;
            }

            resource = resource[(end + 1)..];
        }
    }

    private static bool IsBareWildcard(string action) => action.Length == 1 && action[0] == '*';

    // Dot-separated name segments, optionally ending in ".*" for a family; no bare "*".
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9][A-Za-z0-9_-]*)*(\.\*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ActionGrammar();
}
