using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Workflows.Depth.DepthHost;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>An external system calls a workflow's own URL with its secret: the customer in the body starts, and later resumes, an instance.</summary>
public sealed class InboundWebhookTests
{
    private const string Secret = "s3cret-for-the-hook-0123";

    [Fact]
    public async Task Inbound_webhook_starts_an_instance_for_the_customer_in_the_body_and_a_second_call_resumes_it_on_rabbitmq_and_postgres()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, Definition());
        using var caller = host.CreateClient(); // no session, no API key: the secret is the credential
        var customer = "hook-" + Guid.NewGuid().ToString("N")[..8];

        using (var wrong = await CallAsync(caller, "depth-hook", customer, "not-the-secret-at-all"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var nobody = await CallAsync(caller, "depth-hook", "", Secret))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
            Assert.Contains("customerId", await nobody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var unknown = await CallAsync(caller, "no-such-hook", customer, Secret))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.Empty(await InstancesAsync(designer, "depth-hook")); // refused calls start nothing

        Guid started;
        using (var first = await CallAsync(caller, "depth-hook", customer, Secret))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            var body = await first.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("started", body.GetProperty("outcome").GetString());
            started = body.GetProperty("instanceId").GetGuid();
        }

        var waiting = Assert.Single(await InstancesAsync(designer, "depth-hook"));
        Assert.Equal((started, customer, "waiting", "wait-for-callback"), (waiting.GetProperty("id").GetGuid(), Customer(waiting), Status(waiting), waiting.GetProperty("currentActivityId").GetString()));

        using (var second = await CallAsync(caller, "depth-hook", customer, Secret))
        {
            var body = await second.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("resumed", started), (body.GetProperty("outcome").GetString(), body.GetProperty("instanceId").GetGuid()));
        }

        var done = Assert.Single(await InstancesAsync(designer, "depth-hook"));
        Assert.Equal("completed", Status(done));
        var steps = await StepsAsync(designer, done);
        Assert.Contains(("wait-for-callback", "event", "webhook called"), steps);
        Assert.Contains(("after", "done", "called back"), steps);
    }

    private static async Task<HttpResponseMessage> CallAsync(HttpClient caller, string workflowId, string customer, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/{workflowId}", UriKind.Relative)) { Content = JsonContent.Create(new { customerId = customer }) };
        request.Headers.Add("X-Webhook-Secret", secret);
        return await caller.SendAsync(request);
    }

    private static JsonNode Definition() => JsonNode.Parse($$"""
        {
          "id": "depth-hook", "name": "Depth: inbound webhook", "trigger": { "type": "webhook", "secret": "{{Secret}}" },
          "activities": [
            { "id": "welcome", "type": "note", "text": "called" },
            { "id": "wait-for-callback", "type": "waitForEvent", "event": "webhook", "timeout": "P7D" },
            { "id": "after", "type": "note", "text": "called back" }
          ],
          "connections": [
            { "from": "welcome", "port": "done", "to": "wait-for-callback" },
            { "from": "wait-for-callback", "port": "event", "to": "after" }
          ]
        }
        """)!;
}
