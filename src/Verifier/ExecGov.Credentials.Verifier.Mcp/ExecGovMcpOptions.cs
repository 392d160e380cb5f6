using ExecGov.Credentials.Verifier.AspNetCore.Actions;

namespace ExecGov.Credentials.Verifier.Mcp;

/// <summary>
/// Which action each MCP tool performs. A tool that is not mapped is denied (<c>scope_denied</c>) whatever the
/// credential says: a new tool is closed until someone decides what it does. Validated at start-up.
/// </summary>
public sealed class ExecGovMcpOptions
{
    /// <summary>Tool name → mapping; names compare exactly (ordinal). Default: empty, which fails start-up.</summary>
    public IDictionary<string, McpToolMapping> Tools { get; } = new Dictionary<string, McpToolMapping>(StringComparer.Ordinal);

    /// <summary>Maps <paramref name="tool"/> to <paramref name="action"/>, reading resource and constraint values with <paramref name="values"/>.</summary>
    /// <returns>These options, for chaining.</returns>
    public ExecGovMcpOptions MapTool(string tool, string action, Func<McpToolArguments, ActionValues>? values = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        Tools[tool] = new McpToolMapping(action, values);
        return this;
    }
}
