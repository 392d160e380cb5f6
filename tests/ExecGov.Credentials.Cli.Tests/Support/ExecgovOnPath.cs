namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// A folder with an <c>execgov</c> launcher for the built CLI, put first on <c>PATH</c> for runbook runs: the
/// runbooks are written for an operator who has <c>execgov</c> installed.
/// </summary>
internal sealed class ExecgovOnPath : IDisposable
{
    private readonly TempFolder _folder = new("execgov-bin-");

    public ExecgovOnPath()
    {
        var launcher = _folder.File("execgov");
        File.WriteAllText(launcher, $"#!/bin/sh\nexec dotnet \"{Artifacts.Cli}\" \"$@\"\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Folder => _folder.Path;

    public string PathVariable => $"{Folder}:{Environment.GetEnvironmentVariable("PATH")}";

    public void Dispose() => _folder.Dispose();
}
