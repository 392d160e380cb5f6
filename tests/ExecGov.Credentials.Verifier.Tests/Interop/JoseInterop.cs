using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ExecGov.Credentials.Verifier.Tests.Interop;

/// <summary>
/// Runs the Node.js scripts of <c>tests/interop</c>, which use the independent JOSE library <c>jose</c>
/// (panva/jose, pinned in <c>tests/interop/package.json</c>). Installs it once per test run with
/// <c>npm ci</c> when <c>node_modules</c> is missing. A machine without Node fails these tests with a message
/// saying so: they are never skipped, so a green run always means the interop was checked.
/// </summary>
internal static class JoseInterop
{
    private const string SolutionFile = "ExecGov.Credentials.sln";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static volatile bool _installed;

    /// <summary>Runs <c>node &lt;script&gt;</c> in <c>tests/interop</c> with <paramref name="input"/> on standard input; returns its JSON output.</summary>
    public static async Task<JsonObject> RunAsync(string script, JsonNode input)
    {
        var directory = InteropDirectory();
        await EnsureInstalledAsync(directory);
        var (exitCode, stdout, stderr) = await RunProcessAsync(RequireOnPath("node"), [script], directory, input.ToJsonString(), ScriptTimeout);
        if (exitCode != 0)
        {
            Assert.Fail($"'node {script}' exited with {exitCode}.\n{stderr}");
        }

        return JsonNode.Parse(stdout) as JsonObject
            ?? throw new InvalidOperationException($"'node {script}' wrote no JSON object: {stdout}");
    }

    private static async Task EnsureInstalledAsync(string directory)
    {
        if (_installed)
        {
            return;
        }

        // Test classes run in parallel: only one of them may run npm ci in the folder.
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(directory, "node_modules", "jose", "package.json")))
            {
                var (exitCode, stdout, stderr) = await RunProcessAsync(
                    RequireOnPath("npm"), ["ci", "--no-audit", "--no-fund"], directory, stdin: null, InstallTimeout);
                if (exitCode != 0)
                {
                    Assert.Fail($"'npm ci' in {directory} exited with {exitCode}; the jose interop tests cannot run.\n{stdout}\n{stderr}");
                }
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(
        string executable, IReadOnlyList<string> arguments, string directory, string? stdin, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"Could not start '{executable}' ({ex.Message}). The jose interop tests need Node.js 20+ and npm on PATH.");
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{executable} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The full path of a program on PATH; fails the test, never skips it, when it is missing.</summary>
    private static string RequireOnPath(string program)
    {
        string[] names = OperatingSystem.IsWindows() ? [program + ".exe", program + ".cmd"] : [program];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail($"'{program}' is not on PATH. The jose interop tests (tests/interop) need Node.js 20+ with npm; install them (e.g. 'apt-get install nodejs npm') and run again.");
        return program;
    }

    /// <summary>
    /// <c>tests/interop</c> of the repository: found by walking up from the test assembly to the folder that
    /// holds the solution, or, when the build output lives outside the repository (<c>--artifacts-path</c>),
    /// from this source file's compile-time location.
    /// </summary>
    private static string InteropDirectory([CallerFilePath] string sourceFile = "")
    {
        var root = FindSolutionFolder(AppContext.BaseDirectory) ?? FindSolutionFolder(Path.GetDirectoryName(sourceFile));
        if (root is null)
        {
            Assert.Fail($"Could not find {SolutionFile} above {AppContext.BaseDirectory} or {sourceFile}; the jose interop tests need the repository's tests/interop folder.");
        }

        return Path.Combine(root, "tests", "interop");
    }

    private static string? FindSolutionFolder(string? start)
    {
        for (var folder = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
