namespace ExecGov.Credentials.Cli.Http;

/// <summary>One <see cref="HttpClient"/> for the process (a CLI run is short; no redirects, so a token never follows one).</summary>
internal static class HttpClients
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static HttpClient Shared { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        Timeout = Timeout,
    };
}
