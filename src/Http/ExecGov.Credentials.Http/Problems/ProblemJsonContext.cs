using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Http.Problems;

/// <summary>Source-generated JSON for problem documents.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProblemDocument))]
internal sealed partial class ProblemJsonContext : JsonSerializerContext;
