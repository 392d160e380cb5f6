using ExecGov.Credentials.Verifier.Mcp;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ExecGov enforcement to an MCP server on the Streamable HTTP transport.</summary>
public static class ExecGovMcpServerBuilderExtensions
{
    /// <summary>
    /// Checks every <c>tools/call</c> against the credential and proof of the HTTP request that carries it, before
    /// the tool runs: <paramref name="configure"/> maps each tool to its action and its arguments to the resource and
    /// constraint values; an unmapped tool is denied. A denied call returns a tool error result with the reason code
    /// (<c>isError</c>, text, <c>_meta["io.execgov/decision"]</c>). Needs <c>AddCredentialVerifier</c>, an
    /// <c>ICredentialStatusSource</c> and <c>AddExecGovEnforcement</c> (or <c>AddExecGovCredentials</c>). The tool list
    /// itself is not protected. Options and the transport settings are validated at start-up.
    /// </summary>
    public static IMcpServerBuilder WithExecGovEnforcement(this IMcpServerBuilder builder, Action<ExecGovMcpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<ExecGovMcpOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExecGovMcpOptions>, ExecGovMcpOptionsValidator>());
        builder.Services.AddOptions<HttpServerTransportOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpServerTransportOptions>, McpTransportOptionsValidator>());
        builder.Services.AddHttpContextAccessor();
        return builder.WithRequestFilters(filters => filters.AddCallToolFilter(CallToolEnforcement.Filter));
    }
}
