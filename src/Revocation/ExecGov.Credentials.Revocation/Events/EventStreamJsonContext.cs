using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Revocation.Events;

/// <summary>Source-generated JSON for the event stream's <c>data</c> lines (compact: one line per event).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(StatusEventData))]
[JsonSerializable(typeof(ListEventData))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(HeartbeatData))]
[JsonSerializable(typeof(ResetData))]
[JsonSerializable(typeof(KeyWithdrawnData))]
internal sealed partial class EventStreamJsonContext : JsonSerializerContext;
