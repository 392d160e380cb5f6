using System.Globalization;

namespace ExecGov.Credentials.Revocation.Publishing;

/// <summary>Builds and parses list URIs: <c>{PublicBaseUri}/status-lists/{id}</c>, id a decimal from 1.</summary>
internal sealed class ListUris
{
    public const string PathPrefix = "/status-lists/";

    private readonly string _prefix;

    public ListUris(Uri publicBase)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        _prefix = publicBase.AbsoluteUri.TrimEnd('/') + PathPrefix;
    }

    public string For(int listId) => _prefix + listId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses the <c>{id}</c> route value. Only the canonical form is accepted (digits, no sign, no leading
    /// zero), so one list has exactly one URI and one cache entry.
    /// </summary>
    public static bool TryParseId(string? text, out int listId)
    {
        listId = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 10 || text[0] == '0' || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out listId) && listId > 0;
    }
}
