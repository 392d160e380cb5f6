using System.Diagnostics;

namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// Runs the built <c>execgov</c> as a separate process (<c>dotnet execgov.dll …</c>), exactly as a person's shell
/// or a script would, with its own configuration folder (so profiles never leak between tests) and, optionally,
/// an issuer URL in <c>EXECGOV_ISSUER</c> and text on standard input.
/// </summary>
internal sealed class CliProcess(string configDirectory, string? issuerUrl = null)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public string ConfigDirectory { get; } = configDirectory;

    public string? IssuerUrl { get; } = issuerUrl;

    public Task<CliResult> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    public async Task<CliResult> RunWithInputAsync(string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Artifacts.Cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Configure(start.Environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"execgov {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new CliResult(arguments, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The environment a run gets: only this test's configuration folder and issuer.</summary>
    public void Configure(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment["EXECGOV_CONFIG_DIR"] = ConfigDirectory;
        environment.Remove("EXECGOV_PROFILE");
        if (IssuerUrl is null)
        {
            environment.Remove("EXECGOV_ISSUER");
        }
        else
        {
            environment["EXECGOV_ISSUER"] = IssuerUrl;
        }

        environment["DOTNET_NOLOGO"] = "1";
        environment["NO_COLOR"] = "1";
    }
}
