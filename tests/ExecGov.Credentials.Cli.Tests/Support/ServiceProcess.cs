using System.Diagnostics;
using System.Text;

namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// A real service (issuer, verifier endpoint, sample) started as its own process from its built dll on a loopback
/// port, waited for until its health URL answers, and killed (with its process tree) on dispose.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ServiceProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Url => BaseUri.AbsoluteUri.TrimEnd('/');

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<ServiceProcess> StartAsync(string dll, Func<int, IEnumerable<string>> arguments, string healthPath, string workingDirectory)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort.Next();
            var service = Launch(dll, arguments(port), port, workingDirectory);
            try
            {
                await service.WaitUntilHealthyAsync(healthPath);
                return service;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
                await service.DisposeAsync();
            }
        }

        throw new InvalidOperationException($"{Path.GetFileName(dll)} did not start.", last);
    }

    /// <summary>Starts the service on a port chosen beforehand (when its URL must be known before it starts); one attempt.</summary>
    public static async Task<ServiceProcess> StartAsync(string dll, Func<int, IEnumerable<string>> arguments, string healthPath, string workingDirectory, int port)
    {
        var service = Launch(dll, arguments(port), port, workingDirectory);
        try
        {
            await service.WaitUntilHealthyAsync(healthPath);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    private static ServiceProcess Launch(string dll, IEnumerable<string> arguments, int port, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(string healthPath)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, healthPath));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer on a busy machine; ask again.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The service did not become healthy within {StartTimeout}: {Log}");
    }

    /// <summary>Stops the process and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }
}
