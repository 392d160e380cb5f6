namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// The real issuer service (Issuer.Server) as a separate process on a free loopback port, with a fresh data folder;
/// its issuer id is its own URL, so metadata, JWKS and status-list locations all point at it.
/// </summary>
internal sealed class IssuerProcess : IAsyncDisposable
{
    private readonly ServiceProcess _service;
    private readonly TempFolder? _ownedFolder;

    private IssuerProcess(ServiceProcess service, string dataPath, TempFolder? ownedFolder)
    {
        _service = service;
        DataPath = dataPath;
        _ownedFolder = ownedFolder;
    }

    public string Url => _service.Url;

    public string DataPath { get; }

    public string BootstrapSecretFile => Path.Combine(DataPath, "bootstrap-admin.json");

    /// <summary>The bootstrap approver's secret file (client <c>approver-ines</c>, person <c>ines</c>).</summary>
    public string BootstrapApproverSecretFile => Path.Combine(DataPath, "bootstrap-approver.json");

    public string DatabaseFile => Path.Combine(DataPath, "execgov.db");

    public string Log => _service.Log;

    /// <summary>Starts an issuer; pass <paramref name="dataPath"/> to use a given folder (it is not deleted then).</summary>
    public static async Task<IssuerProcess> StartAsync(string? dataPath = null, params string[] extra)
    {
        TempFolder? owned = null;
        if (dataPath is null)
        {
            owned = new TempFolder("execgov-cli-issuer-");
            dataPath = Path.Combine(owned.Path, "data");
        }

        var service = await ServiceProcess.StartAsync(
            Artifacts.IssuerServer,
            port =>
            [
                "--urls", $"http://127.0.0.1:{port}",
                $"--Issuer:IssuerId=http://127.0.0.1:{port}",
                $"--Issuer:DataPath={dataPath}",
                // Tests sign in more often than a person does; the default (30 a minute per IP) would throttle them.
                "--Issuer:TokenRequestsPerMinute=10000",
                "--Issuer:BootstrapApproverClientId=approver-ines",
                "--Issuer:BootstrapApproverPerson=ines",
                "--Logging:LogLevel:Default=Warning",
                .. extra,
            ],
            "healthz",
            workingDirectory: owned?.Path ?? Path.GetDirectoryName(dataPath)!);
        return new IssuerProcess(service, dataPath, owned);
    }

    public Task StopAsync() => _service.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        _ownedFolder?.Dispose();
    }
}
