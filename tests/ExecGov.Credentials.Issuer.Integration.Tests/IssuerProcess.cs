using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>
/// The real Issuer.Server as a child process on 127.0.0.1 port 0, so a test can SIGKILL it (no graceful
/// shutdown, no dispose, no flush) and start it again on the same data folder. Only this process is ever
/// killed, by the handle the test started.
/// </summary>
internal sealed class IssuerProcess : IAsyncDisposable
{
    private const string ListeningMarker = "Now listening on: ";
    private readonly Process _process;

    private IssuerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public static async Task<IssuerProcess> StartAsync(string dataPath, params string[] extraArgs)
    {
        var start = StartInfo(dataPath, extraArgs);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };

        // Both pipes are drained for the life of the process: a full pipe would block the server's logging.
        process.OutputDataReceived += (_, e) =>
        {
            var at = e.Data?.IndexOf(ListeningMarker, StringComparison.Ordinal) ?? -1;
            if (at >= 0)
            {
                listening.TrySetResult(new Uri(e.Data![(at + ListeningMarker.Length)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && errors.Count < 200)
            {
                errors.Enqueue(line);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The issuer process exited before listening: " + string.Join('\n', errors)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Generous: a cold start of the server on a loaded 2-core machine takes seconds.
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return new IssuerProcess(process, address);
        }
        catch
        {
            KillAndWait(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the server on <paramref name="dataPath"/> and waits for it to exit on its own (a start-up refusal),
    /// killing it if it is still running after <paramref name="timeout"/>. Returns its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(string dataPath, TimeSpan timeout, params string[] extraArgs)
    {
        var start = StartInfo(dataPath, extraArgs);
        using var process = new Process { StartInfo = start };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillAndWait(process);
            throw new TimeoutException($"The issuer process did not exit within {timeout}: it should have refused to start.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The bootstrap admin's secret file, written before the server listens.</summary>
    public static JsonNode ReadBootstrapSecret(string dataPath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(dataPath, "bootstrap-admin.json")))!;

    public async Task<string> SignInAsBootstrapAsync(string dataPath)
    {
        var secret = ReadBootstrapSecret(dataPath);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = secret["client_id"]!.GetValue<string>(),
            ["client_secret"] = secret["client_secret"]!.GetValue<string>(),
        });
        using var response = await Http.PostAsync("/connect/token", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    /// <summary>SIGKILL (Process.Kill on Unix): the process gets no chance to flush anything.</summary>
    public void Kill() => KillAndWait(_process);

    public ValueTask DisposeAsync()
    {
        Http.Dispose();
        KillAndWait(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ProcessStartInfo StartInfo(string dataPath, string[] extraArgs)
    {
        var server = Path.Combine(AppContext.BaseDirectory, "ExecGov.Credentials.Issuer.Server.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Logging__LogLevel__Default"] = "Information",
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        foreach (var arg in (string[])[server, "--urls", "http://127.0.0.1:0", $"--Issuer:DataPath={dataPath}", $"--Issuer:IssuerId={IssuerHost.IssuerId}", .. extraArgs])
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static void KillAndWait(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing to kill.
        }
    }
}
