using System.Net;
using System.Net.Sockets;

namespace Automation.Integration.Tests.Support;

/// <summary>Accepts SMTP connections and never answers: a send hangs there, between dispatch and completion.</summary>
public sealed class SilentSmtpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private int accepted;

    public SilentSmtpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public int Accepted => Volatile.Read(ref accepted);

    public void Dispose()
    {
        listener.Stop();
        lock (held)
        {
            held.ForEach(c => c.Dispose());
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                var client = await listener.AcceptTcpClientAsync();
                lock (held)
                {
                    held.Add(client);
                }

                Interlocked.Increment(ref accepted);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
