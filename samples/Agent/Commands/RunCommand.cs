using System.CommandLine;
using System.Globalization;
using ExecGov.Credentials.Agent;
using ExecGov.Credentials.Agent.Credentials;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Credentials.Agent.Proofs;
using ExecGov.Credentials.Credentials;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Samples.Agent.Commands;

/// <summary>
/// <c>run --key &lt;path&gt; --agent-id &lt;id&gt; --issuer &lt;url&gt; --audience &lt;aud&gt; --action &lt;a&gt; [--resource &lt;r&gt;] --url &lt;url&gt; [--json ..]</c>:
/// the agent asks the issuer for a credential itself (signed assertions; when the scope is consequential it waits,
/// printing the approval id, until a human approves), then makes the call with it.
/// </summary>
internal static class RunCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var key = CommonOptions.Key();
        var agentId = new Option<string>("--agent-id") { Description = "The agent's registered id.", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The issuer's id and URL, e.g. http://127.0.0.1:5080.", Required = true };
        var audience = new Option<string>("--audience") { Description = "The target's audience, e.g. payments-api.", Required = true };
        var action = new Option<string>("--action") { Description = "The action to ask for, e.g. payments.release.", Required = true };
        var resource = new Option<string?>("--resource") { Description = "The resource to ask for, e.g. invoice:2026-118 (or invoice:*)." };
        var maxAmount = new Option<decimal?>("--max-amount") { Description = "Ask for a max_amount constraint (needed when the agent's ceiling has one)." };
        var currency = new Option<string?>("--currency") { Description = "Ask for a currency constraint, e.g. EUR." };
        var destination = new Option<string?>("--destination") { Description = "Ask for a destinations constraint with this one account." };
        var lifetime = new Option<int?>("--lifetime") { Description = "Credential lifetime in seconds (default: the issuer's)." };
        var method = new Option<string?>("--method") { Description = "The HTTP method (default POST with --json, else GET)." };
        var url = CommonOptions.Url("The absolute URL to call with the credential.");
        var json = CommonOptions.Json();
        var command = new Command("run", "Request a credential from the issuer as this agent (waiting for approval if needed), then call the URL with it. Exit 0 on 2xx, 3 otherwise.")
        {
            key, agentId, issuer, audience, action, resource, maxAmount, currency, destination, lifetime, method, url, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = CommonOptions.ParseUrl(parse.GetRequiredValue(url), "--url");
            var body = CommonOptions.CheckJson(parse.GetValue(json), "--json");
            var verb = CommonOptions.ParseMethod(parse.GetValue(method) ?? (body is null ? "GET" : "POST"));
            var keyPath = parse.GetRequiredValue(key);
            var agent = new ExecGovAgentOptions { AgentId = parse.GetRequiredValue(agentId), Issuer = parse.GetRequiredValue(issuer), KeyPath = keyPath };
            var scope = Scope(
                parse.GetRequiredValue(audience), parse.GetRequiredValue(action), parse.GetValue(resource),
                parse.GetValue(maxAmount), parse.GetValue(currency), parse.GetValue(destination), parse.GetValue(lifetime));

            // The SDK says what it does (issued, waiting for approval …) through its log: to standard error, so
            // standard output stays the target's answer.
            using var logging = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Warning)
                .AddFilter("ExecGov", LogLevel.Information)
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddSimpleConsole(console => console.SingleLine = true));
            using var agentKey = AgentKey.Load(keyPath);
            using var issuerHttp = new HttpClient(HttpCall.Network()) { Timeout = TimeSpan.FromSeconds(30) };
            AgentCredentialProvider credentials;
            try
            {
                credentials = new AgentCredentialProvider(agentKey, agent, scope, issuerHttp, TimeProvider.System, logging.CreateLogger<AgentCredentialProvider>());
            }
            catch (OptionsValidationException ex)
            {
                throw CommandException.BadInput(string.Join(" ", ex.Failures));
            }

            using (credentials)
            {
                var result = await credentials.GetCredentialAsync(cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    throw CommandException.Failed($"no credential ({result.Error}{(result.IssuerCode is null ? "" : ", " + result.IssuerCode)}): {AgentCommandLine.OneLine(result.Detail ?? "")}");
                }

                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"credential {result.Credential.CredentialId} until {result.Credential.ExpiresAt:O}, authorised by {result.Credential.Authoriser?.Subject}")).ConfigureAwait(false);
                using var http = new HttpClient(new ExecGovProofHandler(credentials, HttpCall.Network()));
                return await HttpCall.SendAsync(http, verb, target, body, stdout, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static AgentCredentialOptions Scope(string audience, string action, string? resource, decimal? maxAmount, string? currency, string? destination, int? lifetime)
    {
        var scope = new AgentCredentialOptions
        {
            Lifetime = lifetime is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        scope.Audience.Add(audience);
        scope.AuthorizationDetails.Add(new AuthorizationDetail
        {
            Actions = [action],

            // Naming the audience as the location fits both ceilings that limit locations and ceilings that do not.
            Locations = [audience],
            Resources = resource is null ? null : [resource],
            Constraints = maxAmount is null && currency is null && destination is null
                ? null
                : new ActionConstraints { MaxAmount = maxAmount, Currency = currency, Destinations = destination is null ? null : [destination] },
        });
        return scope;
    }
}
