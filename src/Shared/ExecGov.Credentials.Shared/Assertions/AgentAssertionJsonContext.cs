using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Assertions;

/// <summary>Source-generated JSON for agent assertions; duplicate members are refused, as for credentials.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    MaxDepth = 8)]
[JsonSerializable(typeof(AgentAssertionClaims))]
public sealed partial class AgentAssertionJsonContext : JsonSerializerContext
{
}
