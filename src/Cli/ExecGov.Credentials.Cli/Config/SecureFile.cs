using System.Text;

namespace ExecGov.Credentials.Cli.Config;

/// <summary>
/// Writes files that hold secrets or credentials: created with mode 0600 from the first byte (never widened
/// after the fact), written to a temporary file in the same folder and renamed over the target, so a reader
/// never sees half a file and a crash never leaves a world-readable copy.
/// </summary>
internal static class SecureFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Write(string path, string content, bool overwrite)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        EnsureFolder(folder);
        if (!overwrite && File.Exists(full))
        {
            throw new CliException(ExitCodes.InvalidInput, "file_exists", $"{path} already exists; choose another path or remove it first.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temporary, options))
            {
                var bytes = Encoding.UTF8.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new CliException(ExitCodes.InvalidInput, "file_unwritable", $"Cannot write {path}: {ex.Message} Check the folder exists and is writable.");
        }
    }

    /// <summary>Creates <paramref name="folder"/> (and parents) with mode 0700 when missing.</summary>
    public static void EnsureFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, "file_unwritable", $"Cannot create folder {folder}: {ex.Message}");
        }
    }

    /// <summary>Reads a whole text file, answering a missing or unreadable file with one actionable line.</summary>
    public static string ReadText(string path, string what, string fix)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException(ExitCodes.NotFound, "file_not_found", $"{what} {path} does not exist; {fix}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, "file_unreadable", $"Cannot read {what.ToLowerInvariant()} {path}: {ex.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary file is 0600, so leaving it behind leaks nothing to other users.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
