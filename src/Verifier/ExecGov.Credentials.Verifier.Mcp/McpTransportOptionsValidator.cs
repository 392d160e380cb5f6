using ModelContextProtocol.AspNetCore;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Mcp;

/// <summary>
/// Refuses transport settings under which a tool call does not run inside the HTTP POST that carried it, because
/// the credential and proof are read from that request: a per-session execution context (handlers would see the
/// request that opened the session) and the legacy SSE transport (calls arrive on <c>/message</c> and run detached).
/// </summary>
internal sealed class McpTransportOptionsValidator : IValidateOptions<HttpServerTransportOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpServerTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
#pragma warning disable MCP9006 // Obsolete in the SDK, but still honoured in stateful mode: it must stay off under ExecGov.
        if (options.PerSessionExecutionContext)
#pragma warning restore MCP9006
        {
            failures.Add("ExecGov MCP: HttpServerTransportOptions.PerSessionExecutionContext must be false: tool calls must run in the HTTP request that carries their credential and proof.");
        }

#pragma warning disable MCP9004 // Obsolete in the SDK, but still honoured when set: it must stay off under ExecGov.
        if (options.EnableLegacySse)
#pragma warning restore MCP9004
        {
            failures.Add("ExecGov MCP: HttpServerTransportOptions.EnableLegacySse must be false: legacy SSE calls do not run in the HTTP request that carries their credential and proof.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
