namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// Where the built programs are: every project builds to <c>artifacts/bin/{project}/{configuration}/</c>
/// (UseArtifactsOutput), and this test project references the ones it runs, so they are built with it.
/// </summary>
internal static class Artifacts
{
    /// <summary><c>artifacts/bin</c>.</summary>
    public static string BinRoot { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", ".."));

    /// <summary>The configuration folder name, e.g. <c>debug</c>.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    /// <summary>The repository root (the folder holding <c>artifacts</c>).</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(BinRoot, "..", ".."));

    public static string Cli => Dll("ExecGov.Credentials.Cli", "execgov");

    public static string IssuerServer => Dll("ExecGov.Credentials.Issuer.Server", "ExecGov.Credentials.Issuer.Server");

    public static string VerifierEndpoint => Dll("ExecGov.Credentials.Verifier.Endpoint", "ExecGov.Credentials.Verifier.Endpoint");

    public static string PaymentsApi => Dll("ExecGov.Samples.PaymentsApi", "ExecGov.Samples.PaymentsApi");

    public static string SampleAgent => Dll("ExecGov.Samples.Agent", "ExecGov.Samples.Agent");

    public static string Dll(string project, string assembly)
    {
        var path = Path.Combine(BinRoot, project, Configuration, assembly + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built; build the solution first.", path);
    }
}
