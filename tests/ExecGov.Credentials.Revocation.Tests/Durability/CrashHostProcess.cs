using System.Diagnostics;

namespace ExecGov.Credentials.Revocation.Tests.Durability;

/// <summary>
/// The test-only crash host (tests/ExecGov.Credentials.Revocation.CrashHost) as a real child process, so
/// the test can SIGKILL it: no finalizers, no disposal, no flush.
/// </summary>
internal sealed class CrashHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private CrashHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<CrashHostProcess> StartAsync(string database, int credentials)
    {
        // The host is built beside this test assembly (a ProjectReference without output assembly):
        // artifacts/bin/<project>/<configuration>/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "ExecGov.Credentials.Revocation.CrashHost", configuration, "ExecGov.Credentials.Revocation.CrashHost.dll"));
        Assert.True(File.Exists(dll), $"The crash host was not built at {dll}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(credentials.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The crash host did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                throw new InvalidOperationException($"The crash host exited ({(process.HasExited ? process.ExitCode : -1)}) before it was ready.");
            }

            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                return new CrashHostProcess(process, new Uri(line["READY ".Length..]));
            }
        }
    }

    /// <summary>SIGKILL on Unix (Process.Kill): the process gets no chance to flush anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
