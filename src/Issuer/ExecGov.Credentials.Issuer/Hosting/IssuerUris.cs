using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>The public locations derived from <see cref="IssuerOptions"/>, computed once.</summary>
internal sealed class IssuerUris(IOptions<IssuerOptions> options)
{
    private readonly string _base = (options.Value.PublicBaseUri ?? options.Value.IssuerId).TrimEnd('/');

    public string Issuer { get; } = options.Value.IssuerId;

    public string Base => _base;

    public string Jwks => _base + "/.well-known/jwks.json";

    public string Metadata => _base + "/.well-known/execgov-issuer";

    public string TokenEndpoint => _base + "/connect/token";

    public string ApiBase => _base + "/v1";

    public string AgentApiBase => _base + "/v1/agent";

    public string StatusListBase => options.Value.StatusListBaseUri ?? _base + "/status-lists/";

    public string StatusEvents => StatusListBase.TrimEnd('/') + "/events";
}
