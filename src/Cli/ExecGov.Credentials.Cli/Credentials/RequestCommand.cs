using System.CommandLine;
using System.Text.Json.Nodes;
using ExecGov.Credentials.Agent;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Cli.Http;
using ExecGov.Credentials.Cli.Output;
using ExecGov.Credentials.Cli.Scopes;
using ExecGov.Credentials.Credentials;
using ExecGov.Credentials.Json;

namespace ExecGov.Credentials.Cli.Credentials;

/// <summary>
/// <c>execgov credentials request</c>: agent self-service. Signs an assertion with the agent's own key file and
/// asks the issuer's agent API for a credential through the Agent SDK (<see cref="AgentCredentialProvider"/>),
/// waiting for a human approver when the scope is consequential. Needs no admin sign-in.
/// </summary>
internal static class RequestCommand
{
    public static Command Build()
    {
        var agent = new Option<string>("--agent") { Description = "The agent id.", HelpName = "id", Required = true };
        var key = new Option<string>("--key") { Description = "The agent's key file (mode 0600; its public key is the one registered).", HelpName = "path", Required = true };
        var audiences = new Option<string[]>("--audience") { Description = "A target service id (repeat for more).", HelpName = "audience", Required = true };
        var lifetime = new Option<string?>("--lifetime") { Description = "How long the credential lives, 10s to 1d (the issuer caps it).", HelpName = "duration" };
        var session = new Option<string?>("--session") { Description = "The session id (default: the issuer picks one).", HelpName = "id" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the credential to this file (mode 0600) instead of printing it.", HelpName = "path" };
        var wait = new Option<string>("--wait")
        {
            Description = "How long to wait for a human approver when the scope needs one (exit 9 with the approval id when it runs out).",
            HelpName = "duration",
            DefaultValueFactory = _ => "10m",
        };
        var scope = new ScopeOptions("the credential");
        var command = new Command("request",
                "Request a credential as the agent itself (self-service, signed with the agent's key); waits for an approver when the scope is consequential.")
            .With(agent, key, audiences, lifetime, session, output, wait)
            .With([.. scope.All]);
        command.Handle(async (context, cancellationToken) =>
        {
            var parse = context.Parse;
            var options = new AgentCredentialOptions
            {
                Lifetime = parse.GetValue(lifetime) is { } l ? Durations.Parse(l, "--lifetime") : null,
                SessionId = parse.GetValue(session),
                ApprovalTimeout = Durations.Parse(parse.GetRequiredValue(wait), "--wait"),
                ApprovalPollInterval = TimeSpan.FromSeconds(1),
            };
            foreach (var audience in parse.GetRequiredValue(audiences))
            {
                options.Audience.Add(audience);
            }

            foreach (var detail in ReadDetails(scope.Build(parse)))
            {
                options.AuthorizationDetails.Add(detail);
            }

            var issuerUri = context.IssuerUri;
            var metadata = await context.Issuer().GetJsonAsync(".well-known/execgov-issuer", cancellationToken).ConfigureAwait(false);
            var issuerId = JsonRead.Str(metadata, "issuer")
                ?? throw ServiceError.NotAnExecGovService("issuer", issuerUri, "/.well-known/execgov-issuer", 200, ServiceError.StartIssuerHint);
            var keyPath = parse.GetRequiredValue(key);
            using var agentKey = AgentKeys.Load(keyPath);
            var agentId = parse.GetRequiredValue(agent);
            var watcher = new ApprovalWatcher(id => context.Output.Error.WriteLine(
                $"execgov: waiting for a human approver: approval {id} (an approver runs: execgov credentials approve {id})"));

            CredentialResult result;
            try
            {
                using var provider = new AgentCredentialProvider(
                    agentKey,
                    new ExecGovAgentOptions { AgentId = agentId, Issuer = issuerId, IssuerUrl = issuerUri, KeyPath = keyPath },
                    options,
                    HttpClients.Shared,
                    context.Time,
                    watcher);
                result = await Progress.RunAsync(context.Output, $"Requesting a credential for {agentId}…",
                    _ => provider.GetCredentialAsync(cancellationToken).AsTask()).ConfigureAwait(false);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException ex)
            {
                throw new CliException(ExitCodes.Usage, "usage", string.Join(" ", ex.Failures));
            }

            if (!result.IsSuccess)
            {
                return Fail(context, result, watcher.ApprovalId, issuerUri);
            }

            var issued = result.Credential!;
            IssuedOutput.Write(context, new JsonObject
            {
                ["credential"] = issued.Credential,
                ["credential_id"] = issued.CredentialId,
                ["session_id"] = issued.SessionId,
                ["agent_id"] = agentId,
                ["audience"] = ScopeOptions.Array(options.Audience),
                ["issued_at"] = Times.Iso(issued.IssuedAt),
                ["expires_at"] = Times.Iso(issued.ExpiresAt),
                ["authoriser"] = issued.Authoriser is { } a ? new JsonObject { ["sub"] = a.Subject, ["name"] = a.Name, ["approval_id"] = a.ApprovalId } : null,
                ["approval_id"] = watcher.ApprovalId,
            }, parse.GetValue(output));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<AuthorizationDetail> ReadDetails(JsonArray details)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(details, CredentialJsonContext.Default.ListAuthorizationDetail)
                ?? throw new CliException(ExitCodes.InvalidInput, "invalid_scope", "The scope holds no authorization details.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new CliException(ExitCodes.InvalidInput, "invalid_scope", $"The scope is not a list of authorization details ({JsonErrorText.Describe(ex)}).");
        }
    }

    private static int Fail(CliContext context, CredentialResult result, string? approvalId, Uri issuerUri)
    {
        var detail = result.Detail ?? "no detail";
        throw result.Error switch
        {
            AgentCredentialError.ApprovalTimedOut => new CliException(ExitCodes.Pending, "approval_pending",
                $"Approval {approvalId} is still waiting for an approver; run this command again after execgov credentials approve {approvalId}, or raise --wait."),
            AgentCredentialError.ApprovalDenied => new CliException(ExitCodes.Refused, "approval_denied", $"An approver denied the request ({detail})."),
            AgentCredentialError.ApprovalExpired => new CliException(ExitCodes.Refused, "approval_expired", $"Nobody decided in time ({detail}); request again."),
            AgentCredentialError.IssuerUnavailable => new CliException(ExitCodes.Unavailable, "unreachable",
                $"Cannot get a credential from the issuer at {CliContext.Display(issuerUri)} ({detail}); {ServiceError.StartIssuerHint}."),
            AgentCredentialError.IssuerRefused when result.IssuerCode is "invalid_assertion" or "assertion_replayed" => new CliException(ExitCodes.Unauthorized, result.IssuerCode,
                "The issuer did not accept the agent's signed assertion; check --agent is registered with this --key's public key and the clocks agree."),
            AgentCredentialError.IssuerRefused => new CliException(
                result.IssuerCode is { } code ? ServiceError.ExitCodeFor(code, 0) : ExitCodes.Refused,
                result.IssuerCode ?? "refused", $"{result.IssuerCode ?? "refused"}: {detail}"),
            _ => new CliException(ExitCodes.Unavailable, "invalid_response", $"The issuer's answer could not be used ({detail})."),
        };
    }
}
