using System.Text.RegularExpressions;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>The format of every id the issuer accepts from outside (agents, clients, sessions, audiences).</summary>
internal static partial class Identifiers
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>Letters, digits and <c>. _ : -</c>, starting with a letter or digit; 1-128 characters.</summary>
    public static bool IsValid(string? value) => value is { Length: > 0 and <= MaxLength } && IdPattern().IsMatch(value);

    /// <summary>A fresh random id with a readable prefix, e.g. <c>cred_…</c>.</summary>
    public static string New(string prefix) => prefix + "_" + Guid.CreateVersion7().ToString("N");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
