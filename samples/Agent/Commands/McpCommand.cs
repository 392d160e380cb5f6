using System.CommandLine;
using System.Text.Json;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Samples.Agent.Presentation;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ExecGov.Samples.Agent.Commands;

/// <summary>
/// <c>mcp --key &lt;path&gt; --credential-file &lt;path&gt; --url &lt;mcp url&gt; --tool &lt;name&gt; [--args '&lt;json object&gt;']</c>:
/// one MCP tool call over Streamable HTTP, every HTTP request of the session carrying the credential and a fresh proof.
/// </summary>
internal static class McpCommand
{
    public static Command Build(TextWriter stdout)
    {
        var key = CommonOptions.Key();
        var credentialFile = CommonOptions.CredentialFile();
        var url = CommonOptions.Url("The MCP endpoint, e.g. http://127.0.0.1:5091/mcp.");
        var tool = new Option<string>("--tool") { Description = "The tool to call, e.g. release_payment.", Required = true };
        var args = new Option<string?>("--args") { Description = "The tool's arguments as a JSON object, e.g. '{\"invoice\":\"2026-118\"}'." };
        var command = new Command("mcp", "Call one MCP tool with the credential; print the result text. Exit 0 unless the result is an error (a denial among them), then 3.")
        {
            key, credentialFile, url, tool, args,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoint = CommonOptions.ParseUrl(parse.GetRequiredValue(url), "--url");
            var arguments = ParseArguments(parse.GetValue(args));
            var credential = CredentialFile.Read(parse.GetRequiredValue(credentialFile));
            using var agentKey = AgentKey.Load(parse.GetRequiredValue(key));
            using var http = new HttpClient(new FixedCredentialProofHandler(agentKey, credential, TimeProvider.System) { InnerHandler = HttpCall.Network() });
            var result = await CallAsync(http, endpoint, parse.GetRequiredValue(tool), arguments, cancellationToken).ConfigureAwait(false);
            foreach (var block in result.Content)
            {
                await stdout.WriteLineAsync(block is TextContentBlock text ? text.Text : $"[{block.Type} content]").ConfigureAwait(false);
            }

            return result.IsError == true ? ExitCodes.Refused : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<CallToolResult> CallAsync(HttpClient http, Uri endpoint, string tool, Dictionary<string, JsonElement> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var transport = new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp, Name = "execgov-sample-agent" },
                http, loggerFactory: null, ownsHttpClient: false);
            var client = await McpClient.CreateAsync(transport, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                return await client.CallToolAsync(new CallToolRequestParams { Name = tool, Arguments = arguments }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or McpException or TimeoutException)
        {
            throw CommandException.Failed($"MCP call to {endpoint} failed: {AgentCommandLine.OneLine(ex.Message)}");
        }
    }

    private static Dictionary<string, JsonElement> ParseArguments(string? text)
    {
        if (text is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw CommandException.BadInput("--args must be a JSON object, e.g. '{\"invoice\":\"2026-118\"}'.");
            }

            var arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!arguments.TryAdd(property.Name, property.Value.Clone()))
                {
                    throw CommandException.BadInput($"--args names '{property.Name}' twice.");
                }
            }

            return arguments;
        }
        catch (JsonException ex)
        {
            throw CommandException.BadInput($"--args is not valid JSON: {ex.Message}");
        }
    }
}
