using System.CommandLine;
using ExecGov.Credentials.Agent.Keys;
using ExecGov.Samples.Agent.Presentation;

namespace ExecGov.Samples.Agent.Commands;

/// <summary>
/// <c>call --key &lt;path&gt; --credential-file &lt;path&gt; --method &lt;M&gt; --url &lt;URL&gt; [--json '&lt;body&gt;']</c>:
/// one HTTP request with <c>Authorization: DPoP &lt;credential&gt;</c> and a fresh proof.
/// </summary>
internal static class CallCommand
{
    public static Command Build(TextWriter stdout)
    {
        var key = CommonOptions.Key();
        var credentialFile = CommonOptions.CredentialFile();
        var method = new Option<string>("--method") { Description = "The HTTP method, e.g. GET or POST.", Required = true };
        var url = CommonOptions.Url("The absolute URL to call.");
        var json = CommonOptions.Json();
        var command = new Command("call", "Send one HTTP request with the credential and a fresh proof; print the status code, then the body. Exit 0 on 2xx, 3 otherwise.")
        {
            key, credentialFile, method, url, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = CommonOptions.ParseUrl(parse.GetRequiredValue(url), "--url");
            var verb = CommonOptions.ParseMethod(parse.GetRequiredValue(method));
            var body = CommonOptions.CheckJson(parse.GetValue(json), "--json");
            var credential = CredentialFile.Read(parse.GetRequiredValue(credentialFile));
            using var agentKey = AgentKey.Load(parse.GetRequiredValue(key));
            using var http = new HttpClient(new FixedCredentialProofHandler(agentKey, credential, TimeProvider.System) { InnerHandler = HttpCall.Network() });
            return await HttpCall.SendAsync(http, verb, target, body, stdout, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
