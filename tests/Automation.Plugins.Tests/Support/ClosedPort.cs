using System.Net;
using System.Net.Sockets;

namespace Automation.Plugins.Tests.Support;

/// <summary>A local port nothing listens on, to stand for a service that is down.</summary>
public static class ClosedPort
{
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
