using System.Text.RegularExpressions;

namespace ExecGov.Credentials.Issuer.Admins;

/// <summary>
/// The people admin clients act for, and the subjects no admin client may take. A person is an identifier
/// (<c>ines.duarte</c>, <c>ines@example.com</c>) or, for an external identity provider's account, the documented
/// mapping <c>oidc:{authority}#{sub}</c>. It is stored exactly as given (never trimmed) and compared
/// case-insensitively: four-eyes treats <c>Ines</c> and <c>ines</c> as one person.
/// </summary>
internal static partial class Persons
{
    /// <summary>The longest person accepted.</summary>
    public const int MaxLength = 256;

    /// <summary>The prefix of the person of an external identity (<c>oidc:{authority}#{sub}</c>).</summary>
    public const string ExternalPrefix = "oidc:";

    /// <summary>Subjects the issuer writes itself into audit records; no admin client may be called so.</summary>
    private static readonly string[] ReservedSubjects = ["issuer", "anonymous", "system"];

    /// <summary>Prefixes of subjects that are not admin clients (agents, external identities).</summary>
    private static readonly string[] ReservedPrefixes = ["agent:", ExternalPrefix];

    /// <summary>True for a well-formed person: printable ASCII from a fixed set, no white space or control characters.</summary>
    public static bool IsValid(string? value) => value is { Length: > 0 and <= MaxLength } && PersonPattern().IsMatch(value);

    /// <summary>The form persons are compared in.</summary>
    public static string Normalize(string person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.ToLowerInvariant();
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same person.</summary>
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    /// <summary>The person of an external identity provider's account.</summary>
    public static string External(string authority, string subject) => $"{ExternalPrefix}{authority}#{subject}";

    /// <summary>True when <paramref name="clientId"/> is a subject reserved for agents, external identities or the issuer itself.</summary>
    public static bool IsReservedClientId(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        return ReservedSubjects.Any(r => string.Equals(r, clientId, StringComparison.OrdinalIgnoreCase)) ||
            ReservedPrefixes.Any(p => clientId.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    // \z, not $: "$" also matches before a final "\n".
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:@/#+-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PersonPattern();
}
