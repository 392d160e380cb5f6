using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Cli.Config;

/// <summary>Source-generated JSON for the profile file.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Profile))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext
{
}
