using System.Net;
using System.Net.Sockets;

namespace ExecGov.Credentials.Testing;

/// <summary>
/// A loopback port free a moment ago. For a service that must know its own URL before it starts (the issuer: its URL
/// is the credentials' <c>iss</c> and is in its metadata); everything else listens on port 0. A port taken in between
/// makes the start fail, and the caller tries another.
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
