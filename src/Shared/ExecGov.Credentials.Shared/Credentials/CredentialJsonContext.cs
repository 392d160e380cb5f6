using System.Text.Json;
using System.Text.Json.Serialization;
using ExecGov.Credentials.Proofs;

namespace ExecGov.Credentials.Credentials;

/// <summary>
/// Source-generated JSON for the token formats: no reflection on the hot path, and one place that says
/// how tokens are read. Duplicate members are refused (RFC 7515 §5.2 allows either refusing or taking
/// the last; a verifier that takes the last can be fooled by a parser that takes the first).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(CredentialClaims))]
[JsonSerializable(typeof(JoseHeader))]
[JsonSerializable(typeof(ProofClaims))]
[JsonSerializable(typeof(AuthorizationDetail))]
[JsonSerializable(typeof(List<AuthorizationDetail>))]
public sealed partial class CredentialJsonContext : JsonSerializerContext
{
}
