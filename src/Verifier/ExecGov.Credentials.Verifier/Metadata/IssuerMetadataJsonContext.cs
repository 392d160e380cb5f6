using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Metadata;

/// <summary>Source-generated JSON for the issuer metadata document; duplicate members are refused.</summary>
[JsonSourceGenerationOptions(AllowDuplicateProperties = false, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true, MaxDepth = 8)]
[JsonSerializable(typeof(IssuerMetadataDocument))]
internal sealed partial class IssuerMetadataJsonContext : JsonSerializerContext;
