namespace ExecGov.Credentials.Issuer.Publishing;

/// <summary>The document at <c>/.well-known/execgov-issuer</c>: where everything about this issuer lives.</summary>
internal sealed record IssuerMetadata(
    string Issuer,
    string JwksUri,
    string StatusListBase,
    string StatusEventsUri,
    string TokenEndpoint,
    string ApiBase,
    string AgentApiBase,
    string OpenapiUri,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> CredentialSigningAlgValuesSupported);
