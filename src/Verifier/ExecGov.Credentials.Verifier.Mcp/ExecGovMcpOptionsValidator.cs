using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Verifier.Mcp;

/// <summary>Refuses an empty tool map (every call would be denied) and blank names.</summary>
internal sealed class ExecGovMcpOptionsValidator : IValidateOptions<ExecGovMcpOptions>
{
    public ValidateOptionsResult Validate(string? name, ExecGovMcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tools.Count == 0)
        {
            return ValidateOptionsResult.Fail("ExecGov MCP: no tool is mapped to an action, so every tools/call would be denied. Map each tool with MapTool(tool, action, values).");
        }

        var blank = options.Tools.Where(t => string.IsNullOrWhiteSpace(t.Key) || t.Value is null).Select(t => t.Key).ToList();
        return blank.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("ExecGov MCP: a tool mapping has a blank tool name or no mapping.");
    }
}
