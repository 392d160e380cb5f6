using ExecGov.Credentials.Verifier.AspNetCore.Actions;

namespace ExecGov.Credentials.Verifier.Mcp;

/// <summary>The action an MCP tool performs, and how its arguments become the resource and constraint values.</summary>
public sealed class McpToolMapping
{
    /// <summary>Creates a mapping.</summary>
    /// <exception cref="ArgumentException">The action name is empty.</exception>
    public McpToolMapping(string action, Func<McpToolArguments, ActionValues>? values = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        Action = action;
        Values = values;
    }

    /// <summary>The action name, e.g. <c>payments.release</c>.</summary>
    public string Action { get; }

    /// <summary>Reads the resource and constraint values from the arguments; null checks the action alone.</summary>
    public Func<McpToolArguments, ActionValues>? Values { get; }
}
