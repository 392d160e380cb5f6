using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Status;

/// <summary>The <c>status_list</c> claim of a status list token (draft-ietf-oauth-status-list §4.2).</summary>
public sealed record StatusListClaim
{
    /// <summary><c>bits</c>: bits per entry, 1, 2, 4 or 8 (this project writes 2).</summary>
    [JsonPropertyName("bits")]
    public required int Bits { get; init; }

    /// <summary><c>lst</c>: base64url (no padding) of the ZLIB-compressed entries; see <see cref="StatusList.Encode"/>.</summary>
    [JsonPropertyName("lst")]
    public required string List { get; init; }
}
