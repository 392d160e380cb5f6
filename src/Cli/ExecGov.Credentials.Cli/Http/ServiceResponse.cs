using System.Net;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Cli.Http;

/// <summary>A successful answer: its status code and its JSON body (never null for a success).</summary>
internal sealed record ServiceResponse(HttpStatusCode Status, JsonNode Body);
