using ExecGov.Credentials.Verifier.Endpoint.Health;
using ExecGov.Credentials.Verifier.Endpoint.Verify;
using System.Text.Json.Serialization;

namespace ExecGov.Credentials.Verifier.Endpoint;

/// <summary>Source-generated JSON for the endpoint's responses.</summary>
[JsonSerializable(typeof(VerifyResponse))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(IssuerHealthReport))]
[JsonSerializable(typeof(KeysHealthReport))]
[JsonSerializable(typeof(StatusHealthReport))]
internal sealed partial class EndpointJsonContext : JsonSerializerContext;
