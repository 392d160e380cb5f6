namespace ExecGov.Credentials.EndToEnd.Tests.Hosts;

/// <summary>A temporary folder deleted on dispose (best effort: a file still closing is left to the OS).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A LiteDB file still closing; the OS cleans temp folders eventually.
        }
    }
}
