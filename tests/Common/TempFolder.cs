namespace ExecGov.Credentials.Testing;

/// <summary>A fresh folder under the system temp folder, deleted on dispose (best effort, see <see cref="Dispose"/>).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "execgov-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A child process or a LiteDB file may still be closing a handle for a moment; the OS cleans temp eventually.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // As above: leaving a temp folder behind must not fail a test.
        }
    }
}
