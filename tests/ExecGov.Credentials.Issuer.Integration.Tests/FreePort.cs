using System.Net;
using System.Net.Sockets;

namespace ExecGov.Credentials.Issuer.Integration.Tests;

/// <summary>A loopback TCP port that is free at the moment of asking (the operating system picks it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
