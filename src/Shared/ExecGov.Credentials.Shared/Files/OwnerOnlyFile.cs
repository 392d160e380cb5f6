namespace ExecGov.Credentials.Files;

/// <summary>
/// The one writer of files that hold keys, secrets or credentials, and the one check of their permissions. A file is
/// written to a temporary file in the same folder that is created with mode 0600 from its first byte (never
/// widened, never chmod-ed after the write), flushed to disk, then renamed over the target: a reader never sees half
/// a file, a crash never leaves a readable copy, and there is no moment in which other users could open it. On
/// Windows the file inherits the folder's ACL.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>The mode of every file written here: read and write for the owner only (0600).</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The mode of a folder created here: the owner only (0700).</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> owner-only and atomically. With
    /// <paramref name="overwrite"/> false an existing file is never replaced (the rename refuses it, so two writers
    /// cannot both win). The folder must exist (see <see cref="CreateFolder"/>).
    /// </summary>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false, or the write failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Creates <paramref name="folder"/> (and its parents) with mode 0700 when it is missing; an existing folder is left as it is.</summary>
    public static void CreateFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, FolderMode);
        }
    }

    /// <summary>
    /// Whether group or other users have any access to the file or folder at <paramref name="path"/> (always false on
    /// Windows); <paramref name="mode"/> is its mode, for the message. Key files that fail this are refused, as ssh
    /// refuses such keys.
    /// </summary>
    public static bool IsAccessibleByOthers(string path, out UnixFileMode mode)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows())
        {
            mode = default;
            return false;
        }

        mode = File.GetUnixFileMode(path);
        return (mode & GroupOrOther) != 0;
    }

    /// <summary>The mode as the octal digits <c>chmod</c> takes, for messages.</summary>
    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is 0600, so leaving it behind leaks nothing to other users.
        }
    }
}
