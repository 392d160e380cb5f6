using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace ExecGov.Credentials.Verifier.Mcp;

/// <summary>
/// The tool result of a denied call: <c>isError: true</c>, a text block naming the reason code (what a model reads),
/// and <c>_meta["io.execgov/decision"] = {"decision":"deny","reason":"…","decision_id":"…"}</c> (what code reads).
/// A tool result rather than a JSON-RPC error, as MCP asks for tool-level failures, so the model can see why.
/// </summary>
internal static class McpDenial
{
    public const string MetaKey = "io.execgov/decision";

    public static CallToolResult Create(Decision decision)
    {
        var reason = decision.Reason.ToWireString();
        return new CallToolResult
        {
            IsError = true,
            Content =
            [
                new TextContentBlock { Text = $"Denied by ExecGov: {reason}. {decision.Reason.Describe()} (decision {decision.DecisionId})" },
            ],
            Meta = new JsonObject
            {
                [MetaKey] = new JsonObject
                {
                    ["decision"] = "deny",
                    ["reason"] = reason,
                    ["decision_id"] = decision.DecisionId,
                },
            },
        };
    }
}
