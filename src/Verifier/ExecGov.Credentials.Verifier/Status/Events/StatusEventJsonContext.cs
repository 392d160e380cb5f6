using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Status.Events;

/// <summary>Source-generated JSON for the event stream's <c>data</c> lines; strict (duplicates and missing members refused).</summary>
[JsonSourceGenerationOptions(AllowDuplicateProperties = false, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true, MaxDepth = 8)]
[JsonSerializable(typeof(HelloEvent))]
[JsonSerializable(typeof(StatusChangeEvent))]
[JsonSerializable(typeof(ListVersion))]
[JsonSerializable(typeof(HeartbeatEvent))]
[JsonSerializable(typeof(ResetEvent))]
[JsonSerializable(typeof(KeyWithdrawnEvent))]
internal sealed partial class StatusEventJsonContext : JsonSerializerContext;
