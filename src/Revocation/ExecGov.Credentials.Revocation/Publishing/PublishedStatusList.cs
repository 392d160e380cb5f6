namespace ExecGov.Credentials.Revocation.Publishing;

/// <summary>
/// An immutable published state of one list: its version, its encoded <c>lst</c>, and the token signed over
/// them (null until signing succeeded). Readers take a reference and never see half an update.
/// </summary>
internal sealed record PublishedStatusList(int ListId, string Uri, long Version, string Lst, string? Token, DateTimeOffset IssuedAt, string? KeyId)
{
    /// <summary>The quoted ETag (docs/revocation.md §2): the decimal version.</summary>
    public string ETag => "\"" + Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
}
