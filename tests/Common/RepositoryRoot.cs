namespace ExecGov.Credentials.Testing;

/// <summary>The repository root: the nearest folder above the test's output that holds the solution file.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    /// <summary>A file or folder under the root, by its path segments.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ExecGov.Credentials.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ExecGov.Credentials.sln above {AppContext.BaseDirectory}.");
    }
}
