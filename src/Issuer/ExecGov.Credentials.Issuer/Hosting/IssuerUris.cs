using ExecGov.Credentials.Revocation;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>The public locations derived from <see cref="IssuerOptions"/> and <see cref="RevocationOptions"/>, computed once.</summary>
internal sealed class IssuerUris(IOptions<IssuerOptions> options, IOptions<RevocationOptions> revocation)
{
    private readonly string _base = PublicBase(options.Value);

    public string Issuer { get; } = options.Value.IssuerId;

    public string Base => _base;

    public string Jwks => _base + "/.well-known/jwks.json";

    public string Metadata => _base + "/.well-known/execgov-issuer";

    public string TokenEndpoint => _base + "/connect/token";

    public string ApiBase => _base + "/v1";

    public string AgentApiBase => _base + "/v1/agent";

    /// <summary>
    /// The prefix of every status-list URI, without a trailing slash (docs/verifier.md §4): the revocation
    /// feature builds list URIs as this, <c>/</c> and the list id, from the same <c>Revocation:PublicBaseUri</c>.
    /// </summary>
    public string StatusListBase { get; } = revocation.Value.PublicBaseUri!.AbsoluteUri.TrimEnd('/') + "/status-lists";

    public string StatusEvents => StatusListBase + "/events";

    /// <summary>The public base of <paramref name="options"/> without a trailing slash.</summary>
    public static string PublicBase(IssuerOptions options) => (options.PublicBaseUri ?? options.IssuerId).TrimEnd('/');
}
