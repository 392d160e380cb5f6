using System.Globalization;
using System.Net;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>One issuer process per data folder, and start-up refusals as one line, with real server processes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the data folder is guarded by POSIX modes (0700)
public sealed class DataFolderLockTests
{
    private static readonly TimeSpan RefusalTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Second_process_on_the_same_data_folder_exits_at_once_with_one_line_naming_the_holder_and_touches_nothing()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            await using var running = await IssuerProcess.StartAsync(folder);
            var before = Snapshot(folder);

            var (exitCode, stdout, stderr) = await IssuerProcess.RunToExitAsync(folder, RefusalTimeout);

            Assert.Equal(3, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("execgov-issuer: Data folder ", line, StringComparison.Ordinal);
            Assert.Contains("pid " + running.ProcessId.ToString(CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", stdout, StringComparison.Ordinal);

            // The running issuer's files are exactly as they were, and it still serves.
            Assert.Equal(before, Snapshot(folder));
            using var health = await running.Http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task Data_folder_open_to_group_or_others_is_refused_with_one_line_saying_chmod_700()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

            var (exitCode, _, stderr) = await IssuerProcess.RunToExitAsync(folder, RefusalTimeout);

            Assert.Equal(2, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains($"chmod 700 {folder}", line, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task Invalid_configuration_is_one_line_on_stderr_not_a_stack_trace()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            var (exitCode, stdout, stderr) = await IssuerProcess.RunToExitAsync(folder, RefusalTimeout, "--Issuer:BootstrapClientId=not an id");

            Assert.Equal(2, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("execgov-issuer: Invalid configuration: ", line, StringComparison.Ordinal);
            Assert.Contains("Issuer:BootstrapClientId", line, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", stdout + stderr, StringComparison.Ordinal);
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task Data_folder_of_the_old_two_database_layout_is_refused_with_exit_code_2_and_left_as_it_was()
    {
        var folder = IssuerHost.NewDataFolder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "issuer.db"), "old issuer state");
            File.WriteAllText(Path.Combine(folder, "revocation.db"), "old revocation state");

            var (exitCode, stdout, stderr) = await IssuerProcess.RunToExitAsync(folder, RefusalTimeout);

            Assert.Equal(2, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("execgov-issuer: Data folder ", line, StringComparison.Ordinal);
            Assert.Contains("issuer.db and revocation.db", line, StringComparison.Ordinal);
            Assert.Contains("Upgrading", line, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", stdout + stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "execgov.db")));
            Assert.Equal("old issuer state", File.ReadAllText(Path.Combine(folder, "issuer.db")));
            Assert.Equal("old revocation state", File.ReadAllText(Path.Combine(folder, "revocation.db")));
        }
        finally
        {
            IssuerHost.DeleteFolder(folder);
        }
    }

    private static Dictionary<string, (long Length, DateTime Written)> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)));
}
