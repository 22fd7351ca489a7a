using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Automation.Integration.Tests.Support;

/// <summary>A loopback HTTP endpoint standing in for a Slack-compatible webhook: keeps every body posted to it.</summary>
public sealed class WebhookSink : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<string> bodies = new();

    public WebhookSink()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/hook/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        _ = ServeAsync();
    }

    public Uri Url { get; }

    public IReadOnlyList<string> Bodies => [.. bodies];

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                bodies.Enqueue(await reader.ReadToEndAsync());
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
