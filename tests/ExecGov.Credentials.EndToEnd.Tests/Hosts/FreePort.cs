using System.Net;
using System.Net.Sockets;

namespace ExecGov.Credentials.EndToEnd.Tests.Hosts;

/// <summary>
/// A loopback port free a moment ago. Only for the issuer: its id (the <c>iss</c> of credentials, the <c>aud</c> of
/// assertions) and the locations in its metadata contain its URL, so the port must be known before it starts.
/// Every other host listens on port 0. A port taken in between makes the start fail, and the caller tries another.
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
