using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Credentials;

/// <summary>The <c>status</c> claim of a referenced token (IETF OAuth Token Status List).</summary>
public sealed record StatusClaim
{
    /// <summary>Where the credential's status lives.</summary>
    [JsonPropertyName("status_list")]
    public required StatusListReference StatusList { get; init; }
}
