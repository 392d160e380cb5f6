using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Agent;

/// <summary>Refuses agent options without an id, a key path, or a safe issuer address.</summary>
public sealed class ExecGovAgentOptionsValidator : IValidateOptions<ExecGovAgentOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ExecGovAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AgentId))
        {
            failures.Add("ExecGovAgent:AgentId must be the agent id the issuer registered.");
        }

        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer) || !IsSafe(issuer))
        {
            failures.Add("ExecGovAgent:Issuer must be the issuer's identifier, an absolute https URL (http only on loopback), exactly as in its credentials' iss.");
        }

        if (options.IssuerUrl is { } url && (!url.IsAbsoluteUri || !IsSafe(url)))
        {
            failures.Add("ExecGovAgent:IssuerUrl must be an absolute https URL (http only on loopback), or unset to use Issuer.");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPath))
        {
            failures.Add("ExecGovAgent:KeyPath must name the agent key file (created 0600 when CreateKeyIfMissing is set).");
        }
        else if (!options.CreateKeyIfMissing && !File.Exists(options.KeyPath))
        {
            failures.Add($"ExecGovAgent:KeyPath '{options.KeyPath}' does not exist; create the key (AgentKey.Create) and register its public JWK, or set CreateKeyIfMissing.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Assertions and credentials travel on this connection: plain http only where it never leaves the machine.
    internal static bool IsSafe(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
