using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Workflows.Depth.DepthHost;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>A webhook step goes through the guards and the connector like any action and reaches a local HTTP server.</summary>
public sealed class WebhookStepTests : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string? Key, string Body)> calls = new();
    private int answered;

    public WebhookStepTests()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/crm/");
        probe.Stop();
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        _ = ServeAsync();
    }

    private Uri Url { get; }

    [Fact]
    public async Task Webhook_step_posts_the_templated_body_with_the_actions_idempotency_key_and_is_retried_after_a_503()
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:Plugins:Webhook:AllowedHosts:0"] = "127.0.0.1" });
        await PostsAndRetriesAsync(host);
    }

    [Fact]
    public async Task Webhook_step_posts_the_templated_body_and_is_retried_after_a_503_on_rabbitmq_and_postgres()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres(new Dictionary<string, string?> { ["Automation:Plugins:Webhook:AllowedHosts:0"] = "127.0.0.1" });
        await PostsAndRetriesAsync(host);
    }

    private async Task PostsAndRetriesAsync(AutomationHost host)
    {
        using var designer = await host.AdminAsync();
        var definition = JsonNode.Parse("""
            {
              "id": "depth-webhook", "name": "Depth: webhook", "trigger": { "type": "event", "event": "depth_webhook" },
              "activities": [
                { "id": "crm", "type": "action", "action": "webhook.send", "input": { "method": "POST", "url": "", "body": "{\"customer\":\"{{customerId}}\",\"email\":\"{{email}}\"}" } },
                { "id": "told", "type": "note", "text": "crm told" }
              ],
              "connections": [ { "from": "crm", "port": "done", "to": "told" } ]
            }
            """)!;
        definition["activities"]![0]!["input"]!["url"] = Url.ToString();
        await PublishAsync(designer, definition);
        var customer = "hook-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTime.UtcNow;

        await SendAsync(host, [Event(customer, "identify", now.AddSeconds(-5), new { email = $"{customer}@example.test" }), Event(customer, "depth_webhook", now)]);

        var done = Assert.Single(await UntilAsync(designer, "depth-webhook", all => all.Any(i => Customer(i) == customer && Status(i) == "completed"), seconds: 90), i => Customer(i) == customer);
        Assert.Contains(("told", "done", "crm told"), await StepsAsync(designer, done));
        var received = calls.ToList();
        Assert.True(received.Count >= 2, $"expected the 503 and a retry, got {received.Count} calls");
        Assert.All(received, c => Assert.Equal(received[0].Key, c.Key)); // one key for every attempt
        Assert.False(string.IsNullOrEmpty(received[0].Key));
        var body = JsonDocument.Parse(received[^1].Body).RootElement;
        Assert.Equal((customer, $"{customer}@example.test"), (body.GetProperty("customer").GetString(), body.GetProperty("email").GetString()));
    }

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
                calls.Enqueue((context.Request.Headers["Idempotency-Key"], await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = Interlocked.Increment(ref answered) == 1 ? 503 : 200; // down once, then up
            context.Response.Close();
        }
    }
}
