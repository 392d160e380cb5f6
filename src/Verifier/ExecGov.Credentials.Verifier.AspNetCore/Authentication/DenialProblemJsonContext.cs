using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Authentication;

/// <summary>Source-generated JSON for denial bodies.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DenialProblem))]
internal sealed partial class DenialProblemJsonContext : JsonSerializerContext;
