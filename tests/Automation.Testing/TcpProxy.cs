using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Automation.Testing;

/// <summary>
/// A TCP relay on loopback between a host and a shared service (PostgreSQL, RabbitMQ) that a test cuts to make the
/// service unreachable for that host alone: new connections are refused and open ones reset, as when the server stops,
/// while every other test keeps using the server directly.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private TcpListener? listener;
    private CancellationTokenSource? accepting;
    private int accepted;

    private TcpProxy(string targetHost, int targetPort, int port)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connections accepted so far (e.g. to see that a client reuses one).</summary>
    public int Accepted => Volatile.Read(ref accepted);

    public static TcpProxy Start(string targetHost, int targetPort)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new TcpProxy(targetHost, targetPort, port);
        proxy.Restore();
        return proxy;
    }

    /// <summary>Refuses new connections and resets the open ones.</summary>
    public void Cut()
    {
        accepting?.Cancel();
        listener?.Stop();
        listener = null;
        foreach (var socket in open.Keys)
        {
            Reset(socket);
        }
    }

    /// <summary>Accepts and relays connections again, on the same port.</summary>
    public void Restore()
    {
        accepting = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener, accepting.Token);
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener from, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await from.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            _ = RelayAsync(client, cancellationToken);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken cancellationToken)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(targetHost, targetPort, cancellationToken);
            await Task.WhenAny(PumpAsync(client, server, cancellationToken), PumpAsync(server, client, cancellationToken));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // cut, or one side went away
        }
        finally
        {
            Reset(client);
            Reset(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, cancellationToken)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // the other pump or a cut ends the relay
        }
    }

    /// <summary>Closes with RST, as a stopped server's connections end.</summary>
    private void Reset(Socket socket)
    {
        if (!open.TryRemove(socket, out _))
        {
            return;
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // already closed
        }
    }
}
