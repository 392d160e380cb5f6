using ExecGov.Credentials.Verifier.AspNetCore.Actions;
using ExecGov.Credentials.Verifier.AspNetCore.Enforcement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using ExecGov.Credentials.Diagnostics;

namespace ExecGov.Credentials.Verifier.Mcp;

/// <summary>
/// The <c>tools/call</c> filter: maps the tool to its action (unmapped → deny), its arguments to resource and
/// constraint values, and decides with the credential and proof of the HTTP request that carried the call
/// (<c>Authorization: DPoP</c> + <c>DPoP</c>, proof <c>htm</c> = <c>POST</c>, <c>htu</c> = the MCP endpoint URL). A deny
/// returns <see cref="McpDenial"/> and never calls the tool.
/// </summary>
internal static partial class CallToolEnforcement
{
    // Tool names come from the caller: keep what reaches logs and records short.
    private const int MaxRecordedToolName = 128;

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var decision = await DecideAsync(context, cancellationToken).ConfigureAwait(false);
            return decision.IsAllowed
                ? await next(context, cancellationToken).ConfigureAwait(false)
                : McpDenial.Create(decision);
        };

    private static async ValueTask<Decision> DecideAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var services = context.Services ?? context.Server.Services ??
            throw new InvalidOperationException("The MCP server has no service provider; ExecGov enforcement needs AddExecGovEnforcement.");
        var enforcer = services.GetRequiredService<ActionEnforcer>();
        var logger = services.GetRequiredService<ILogger<ActionEnforcer>>();
        var tool = context.Params?.Name ?? string.Empty;
        var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
        if (http is null)
        {
            // Not inside an HTTP request (stdio, or a detached task): there is no credential to check.
            LogNoHttpContext(logger, LogText.Escape(Shorten(tool)));
            return enforcer.Deny(null, ReasonCode.ProofMissing, ToolAction(tool), resource: null);
        }

        var options = services.GetRequiredService<IOptions<ExecGovMcpOptions>>().Value;
        if (!options.Tools.TryGetValue(tool, out var mapping))
        {
            return enforcer.Deny(http, ReasonCode.ScopeDenied, ToolAction(tool), resource: null);
        }

        ActionValues values;
        try
        {
            values = mapping.Values?.Invoke(new McpToolArguments(tool, context.Params?.Arguments)) ?? ActionValues.None;
        }
#pragma warning disable CA1031 // Fail closed: a mapping that throws (bad arguments or a bug) is a deny, never a tool run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogMappingFault(logger, LogText.Escape(Shorten(tool)), ex.GetType().Name);
            return enforcer.Deny(http, ReasonCode.VerifierError, mapping.Action, resource: null);
        }

        return await enforcer.EnforceAsync(http, mapping.Action, values, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The action recorded for a tool that has none: <c>mcp-tool:&lt;name&gt;</c>.</summary>
    private static string ToolAction(string tool) => "mcp-tool:" + Shorten(tool);

    private static string Shorten(string tool) => tool.Length <= MaxRecordedToolName ? tool : tool[..MaxRecordedToolName];

    [LoggerMessage(EventId = 3201, EventName = "McpCallWithoutHttpContext", Level = LogLevel.Error,
        Message = "MCP tool {Tool} was called outside an HTTP request; denied. ExecGov enforcement needs the Streamable HTTP transport")]
    private static partial void LogNoHttpContext(ILogger logger, string tool);

    [LoggerMessage(EventId = 3202, EventName = "McpMappingFault", Level = LogLevel.Error,
        Message = "Mapping the arguments of MCP tool {Tool} failed ({Fault}); the call was denied with verifier_error")]
    private static partial void LogMappingFault(ILogger logger, string tool, string fault);
}
