using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Status;

/// <summary>
/// Source-generated JSON for status list tokens, with the same strictness as the credential format:
/// duplicate members refused (RFC 7515 §5.2), required members enforced, nulls not written.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    MaxDepth = 8)]
[JsonSerializable(typeof(StatusListTokenClaims))]
[JsonSerializable(typeof(StatusListClaim))]
public sealed partial class StatusListJsonContext : JsonSerializerContext
{
}
