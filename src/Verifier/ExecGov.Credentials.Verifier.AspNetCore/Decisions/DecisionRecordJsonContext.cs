using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.AspNetCore.Decisions;

/// <summary>Source-generated JSON for decision records.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DecisionRecord))]
[JsonSerializable(typeof(DecisionRecordBatch))]
internal sealed partial class DecisionRecordJsonContext : JsonSerializerContext;
