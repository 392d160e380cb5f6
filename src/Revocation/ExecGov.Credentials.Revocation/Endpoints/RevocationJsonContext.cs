using System.Text.Json.Serialization;
using ExecGov.Credentials.Revocation.Admin;

namespace ExecGov.Credentials.Revocation.Endpoints;

/// <summary>
/// Source-generated JSON for the revocation endpoints: unknown and duplicate members refused, so a typo in
/// a request is an error rather than a silently ignored field.
/// </summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    MaxDepth = 4)]
[JsonSerializable(typeof(RevocationApiRequest))]
[JsonSerializable(typeof(RevocationApiResponse))]
internal sealed partial class RevocationJsonContext : JsonSerializerContext;
