using System.Text.Json.Serialization;

namespace ExecGov.Credentials.LoadTest;

/// <summary>Source-generated JSON for the load generator's request bodies.</summary>
[JsonSerializable(typeof(VerifyBody))]
internal sealed partial class LoadJsonContext : JsonSerializerContext;
