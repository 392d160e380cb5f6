using System.Globalization;
using System.Text;
using ExecGov.Credentials.Files;
using Microsoft.Extensions.Options;

namespace ExecGov.Credentials.Issuer.Hosting;

/// <summary>
/// One process per data folder. Before any database or key file is opened, the issuer opens
/// <c>{DataPath}/issuer.lock</c> with <see cref="FileShare.None"/> (an exclusive lock the operating system drops
/// when the process dies, even by SIGKILL) and holds it for the life of the process, with its pid written into it
/// and into <c>issuer.pid</c> (readable while the lock is held). A second process fails at once with one line naming
/// the holder, before it has touched anything: two issuers on one folder would hand out the same status index
/// twice, lose revocations and corrupt the LiteDB files.
/// </summary>
internal sealed class DataFolderLock : IDisposable
{
    public const string LockFile = "issuer.lock";
    public const string PidFile = "issuer.pid";

    /// <summary>The exit code of a host refused because another process holds the folder.</summary>
    public const int InUseExitCode = 3;

    private readonly FileStream _lock;

    public DataFolderLock(IOptions<IssuerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = DataFolder.Ensure(options.Value.DataPath);
        var path = Path.Combine(folder, LockFile);
        var pidPath = Path.Combine(folder, PidFile);
        var create = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = OwnerOnlyFile.FileMode;
        }

        try
        {
            _lock = new FileStream(path, create);
        }
        catch (IOException ex)
        {
            var holder = ReadHolder(pidPath);
            throw new IssuerStartupException(
                $"Data folder {folder} is in use by another issuer process ({holder}); stop it first, or give this one its own Issuer:DataPath.", ex)
            {
                ExitCode = InUseExitCode,
            };
        }

        var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n";
        _lock.SetLength(0);
        _lock.Write(Encoding.ASCII.GetBytes(pid));
        _lock.Flush(flushToDisk: true);
        OwnerOnlyFile.Write(pidPath, Encoding.ASCII.GetBytes(pid), overwrite: true);
    }

    public void Dispose() => _lock.Dispose();

    private static string ReadHolder(string pidPath)
    {
        try
        {
            var text = File.ReadAllText(pidPath).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? $"pid {pid}" : "pid unknown";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "pid unknown";
        }
    }
}
