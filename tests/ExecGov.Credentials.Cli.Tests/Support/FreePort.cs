using System.Net;
using System.Net.Sockets;

namespace ExecGov.Credentials.Cli.Tests.Support;

/// <summary>
/// A loopback port nobody listens on right now. The issuer must know its own URL before it starts (it is the
/// credentials' <c>iss</c>), so the port is chosen first; callers retry on the rare collision.
/// </summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
