using ExecGov.Credentials.Issuer.Hosting;
using ExecGov.Credentials.Signing.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Server;

/// <summary>The issuer host: configuration comes from the usual ASP.NET Core sources (docs/issuer.md).</summary>
internal static class Program
{
    /// <summary>The exit code of a configuration the issuer refuses at start-up (docs/issuer.md).</summary>
    private const int ConfigurationExitCode = 2;

    public static async Task<int> Main(string[] args)
    {
        try
        {
            var app = Build(args);
            await using (app.ConfigureAwait(false))
            {
                await app.RunAsync().ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception ex) when (StartupProblem(ex) is { } problem)
        {
            // A start-up refusal is the operator's to fix: one line saying what and how, never a stack trace.
            await Console.Error.WriteLineAsync("execgov-issuer: " + problem.Message).ConfigureAwait(false);
            return problem.ExitCode;
        }
    }

    /// <summary>Builds the application; <paramref name="configure"/> lets in-process tests replace services (a fake clock).</summary>
    internal static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddIssuer();

        // The host would log a start-up failure with its stack trace; Main prints it as one line instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapIssuerApi();
        return app;
    }

    private static (string Message, int ExitCode)? StartupProblem(Exception ex)
    {
        // Start-up validation reports every failing options class at once, as an AggregateException.
        if (ex is AggregateException aggregate)
        {
            var problems = aggregate.Flatten().InnerExceptions.Select(StartupProblem).ToList();
            return problems.Count > 0 && problems.All(p => p is not null)
                ? (string.Join(" ", problems.Select(p => p!.Value.Message).Distinct(StringComparer.Ordinal)), problems.Max(p => p!.Value.ExitCode))
                : null;
        }

        return ex switch
        {
            IssuerStartupException startup => (OneLine(startup.Message), startup.ExitCode),
            OptionsValidationException invalid => (OneLine("Invalid configuration: " + string.Join(" ", invalid.Failures)), ConfigurationExitCode),
            KeySetException keys => (OneLine(keys.Message), ConfigurationExitCode),
            _ => null,
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
