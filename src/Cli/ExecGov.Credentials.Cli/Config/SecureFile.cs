using System.Text;
using ExecGov.Credentials.Files;

namespace ExecGov.Credentials.Cli.Config;

/// <summary>
/// The CLI's file access: secrets and credentials are written with <see cref="OwnerOnlyFile"/> (0600 from the first
/// byte, temporary file renamed over the target), and every failure becomes one actionable line and an exit code.
/// </summary>
internal static class SecureFile
{
    public static void Write(string path, string content, bool overwrite)
    {
        var full = Path.GetFullPath(path);
        EnsureFolder(Path.GetDirectoryName(full)!);
        if (!overwrite && File.Exists(full))
        {
            throw new CliException(ExitCodes.InvalidInput, "file_exists", $"{path} already exists; choose another path or remove it first.");
        }

        try
        {
            OwnerOnlyFile.Write(full, Encoding.UTF8.GetBytes(content), overwrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, "file_unwritable", $"Cannot write {path}: {ex.Message} Check the folder exists and is writable.");
        }
    }

    /// <summary>Creates <paramref name="folder"/> (and parents) with mode 0700 when missing.</summary>
    public static void EnsureFolder(string folder)
    {
        try
        {
            OwnerOnlyFile.CreateFolder(folder);
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
}
