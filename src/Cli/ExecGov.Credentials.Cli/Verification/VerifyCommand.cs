using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Cli.Config;
using ExecGov.Credentials.Cli.Credentials;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Verifier;

namespace ExecGov.Credentials.Cli.Verification;

/// <summary>
/// <c>execgov verify</c>: decides whether a presentation (credential + holder proof) allows an action, either at a
/// verifier endpoint (<c>--endpoint</c>, <c>POST /v1/verify</c>, docs/verifier.md §3) or locally with the verifier
/// library trusting the issuer <c>--issuer</c> names. Exit 0 on allow, 4 on deny.
/// </summary>
internal static class VerifyCommand
{
    public static Command Build()
    {
        var credential = new Option<string>("--credential") { Description = "A file holding the credential, or - for standard input.", HelpName = "path", Required = true };
        var proof = new Option<string?>("--proof") { Description = "A file holding the holder proof (the DPoP header value).", HelpName = "path" };
        var key = new Option<string?>("--key") { Description = "The agent's key file: sign a fresh holder proof for --method and --url with it.", HelpName = "path" };
        var action = new Option<string>("--action") { Description = "The action about to be performed, e.g. payments.release.", HelpName = "action", Required = true };
        var resource = new Option<string?>("--resource") { Description = "The resource acted on, e.g. invoice:2026-118.", HelpName = "resource" };
        var method = new Option<string>("--method") { Description = "The HTTP method of the request being authorised.", HelpName = "method", DefaultValueFactory = _ => "POST" };
        var url = new Option<string>("--url") { Description = "The absolute URL of the request being authorised (the proof's htu).", HelpName = "url", Required = true };
        var audience = new Option<string?>("--audience") { Description = "The verifying service's audience id (required locally; the endpoint's own by default).", HelpName = "audience" };
        var contextValues = new Option<string[]>("--context") { Description = "A constraint value as name=value: amount=120.50, currency=EUR, destination=DE89… (repeat).", HelpName = "name=value" };
        var endpoint = new Option<string?>("--endpoint") { Description = "A verifier endpoint's base URL (e.g. http://127.0.0.1:5070); without it, verify locally.", HelpName = "url" };
        var command = new Command("verify",
                "Verify a presentation for an action, at a verifier endpoint (--endpoint) or locally against the issuer's keys and status lists. Exit 0 on allow, 4 on deny.")
            .With(credential, proof, key, action, resource, method, url, audience, contextValues, endpoint);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var token = await CredentialInput.ReadAsync(parse.GetRequiredValue(credential), cancellationToken).ConfigureAwait(false);
            if (!Uri.TryCreate(parse.GetRequiredValue(url), UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliException(ExitCodes.Usage, "usage", $"--url: '{parse.GetRequiredValue(url)}' is not an absolute http(s) URL.");
            }

            var httpMethod = parse.GetRequiredValue(method).ToUpperInvariant();
            var holderProof = ReadProof(parse.GetValue(proof), parse.GetValue(key), httpMethod, target, token, context.Time.GetUtcNow());
            var values = ParseContext(parse.GetValue(contextValues) ?? []);
            var request = new JsonObject
            {
                ["credential"] = token,
                ["proof"] = holderProof,
                ["method"] = httpMethod,
                ["url"] = target.AbsoluteUri,
                ["action"] = parse.GetRequiredValue(action),
            };
            if (parse.GetValue(resource) is { } r)
            {
                request["resource"] = r;
            }

            if (parse.GetValue(audience) is { } a)
            {
                request["audience"] = a;
            }

            if (values.Count > 0)
            {
                request["context"] = new JsonObject(values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
            }

            var result = parse.GetValue(endpoint) is { } endpointUrl
                ? await AtEndpointAsync(endpointUrl, request, cancellationToken).ConfigureAwait(false)
                : await LocallyAsync(context, token, holderProof, request, values, cancellationToken).ConfigureAwait(false);
            var allowed = JsonRead.Str(result, "decision") == "allow";
            context.Output.Result(result, () =>
            {
                var reason = JsonRead.Str(result, "reason");
                var described = ReasonCodes.TryParse(reason, out var code) ? code.Describe() : string.Empty;
                context.Output.Line(allowed
                    ? $"allow: agent {JsonRead.Str(result, "agent")} may {request["action"]} (credential {JsonRead.Str(result, "credential_id")}, authorised by {JsonRead.Str(result, "authoriser")})."
                    : $"deny: {reason}{(described.Length > 0 ? $" — {described}" : string.Empty)}");
            });
            return allowed ? ExitCodes.Ok : ExitCodes.Denied;
        });
        return command;
    }

    private static string? ReadProof(string? proofFile, string? keyFile, string method, Uri target, string token, DateTimeOffset now)
    {
        if (proofFile is not null && keyFile is not null)
        {
            throw new CliException(ExitCodes.Usage, "usage", "Give --proof or --key, not both.");
        }

        if (keyFile is not null)
        {
            using var agentKey = AgentKeys.Load(keyFile);
            return agentKey.CreateProof(method, target, token, now);
        }

        return proofFile is null ? null : SecureFile.ReadText(proofFile, "Proof file", "pass the file holding the DPoP proof, or --key to sign one.").Trim();
    }

    private static Dictionary<string, string> ParseContext(string[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException(ExitCodes.Usage, "usage", $"--context: '{pair}' is not name=value, e.g. amount=120.50.");
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        return values;
    }

    private static async Task<JsonNode> AtEndpointAsync(string endpointUrl, JsonObject request, CancellationToken cancellationToken)
    {
        var baseUri = CliContext.ParseBaseUrl(endpointUrl, "--endpoint");
        var path = baseUri.AbsolutePath.EndsWith("/v1/verify/", StringComparison.Ordinal) ? string.Empty : "v1/verify";
        var client = new ServiceClient("verifier endpoint", baseUri, "start it (dotnet run --project src/Verifier/ExecGov.Credentials.Verifier.Endpoint) or check --endpoint");
        var response = await client.SendAsync(HttpMethod.Post, path, request, cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    private static async Task<JsonNode> LocallyAsync(
        CliContext context, string token, string? proof, JsonObject request, Dictionary<string, string> values, CancellationToken cancellationToken)
    {
        var audience = JsonRead.Str(request, "audience")
            ?? throw new CliException(ExitCodes.Usage, "usage", "--audience is required to verify locally (the verifying service's own audience id), or pass --endpoint.");
        using var local = await LocalVerifier.CreateAsync(context, audience, cancellationToken).ConfigureAwait(false);
        var decision = await local.Verifier.VerifyAsync(
            new Presentation(token, proof),
            new ActionRequest
            {
                Action = JsonRead.Str(request, "action")!,
                Resource = JsonRead.Str(request, "resource"),
                Method = JsonRead.Str(request, "method")!,
                Target = new Uri(JsonRead.Str(request, "url")!),
                Audience = audience,
                Context = values,
            },
            cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["decision"] = decision.IsAllowed ? "allow" : "deny",
            ["reason"] = decision.Reason.ToWireString(),
            ["agent"] = decision.AgentId,
            ["authoriser"] = decision.Authoriser?.Subject,
            ["credential_id"] = decision.CredentialId,
            ["session_id"] = decision.SessionId,
            ["expires_at"] = Times.Iso(decision.ExpiresAt),
            ["decision_id"] = decision.DecisionId,
        };
    }
}
