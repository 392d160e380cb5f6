using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Agent.Issuer;

/// <summary>Source-generated JSON for requests to the issuer.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CredentialRequestBody))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
