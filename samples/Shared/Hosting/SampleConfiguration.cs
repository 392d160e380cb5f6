using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration.Memory;

namespace ExecGov.Samples.Hosting;

/// <summary>Embedded configuration defaults: a sample runs with no file next to it, and every value can be overridden.</summary>
public static class SampleConfiguration
{
    /// <summary>The issuer the samples trust unless configured otherwise (the issuer service's default URL).</summary>
    public const string DefaultIssuer = "http://127.0.0.1:5080";

    /// <summary>
    /// Adds <paramref name="defaults"/> as the lowest-priority configuration source, below appsettings files,
    /// environment variables and the command line, so <c>--urls</c> or <c>Verifier__Issuers__0__MetadataUri</c> win.
    /// </summary>
    public static WebApplicationBuilder UseSampleDefaults(this WebApplicationBuilder builder, IReadOnlyDictionary<string, string?> defaults)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(defaults);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
        return builder;
    }

    /// <summary>The settings every sample shares: trust the local issuer through its metadata, ship decisions there when a client is configured.</summary>
    public static Dictionary<string, string?> Defaults(string url, string audience, string instanceName) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Urls"] = url,

        // The origin proofs must name (htu); required outside Development. Change it with Urls, or to the public URL behind a proxy.
        ["Enforcement:PublicOrigin"] = url,
        ["Verifier:Audience"] = audience,
        ["Verifier:Issuers:0:Issuer"] = DefaultIssuer,
        ["Verifier:Issuers:0:MetadataUri"] = DefaultIssuer + "/.well-known/execgov-issuer",
        ["DecisionShipping:IssuerUrl"] = DefaultIssuer,
        ["DecisionShipping:InstanceName"] = instanceName,

        // Request logs are noise next to the decision events (3001/3002) the samples are about.
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };
}
