using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Plugins.Sdk.Contracts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Automation.Integration.Tests.Events;

public sealed class BusDoorTests
{
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task Events_published_on_rabbitmq_are_validated_stored_and_profiled_and_a_bad_batch_lands_in_the_error_queue_whole()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        using var client = await host.AdminAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;

        await bus.Publish(new BehaviorEventsSubmitted(
        [
            new SubmittedEvent($"{run}-1", $"{run}-good", "pricing_view", now.AddMinutes(-5), null, null),
            new SubmittedEvent($"{run}-2", $"{run}-good", "purchase", now.AddMinutes(-1), 49.5m, JsonSerializer.SerializeToElement(new { email = $"{run}@example.test" })),
        ]));
        var profile = await Poll.UntilAsync(() => ProfileAsync(client, $"{run}-good"), p => p?.GetProperty("features").GetProperty("totalEvents").GetInt32() == 2, TimeSpan.FromSeconds(30));
        Assert.NotNull(profile);
        Assert.Equal(49.5, profile.Value.GetProperty("features").GetProperty("monetary").GetDouble());
        Assert.Equal($"{run}@example.test", profile.Value.GetProperty("email").GetString());

        // One good event and two bad ones: the same rules as over HTTP refuse the batch whole.
        await bus.Publish(new BehaviorEventsSubmitted(
        [
            new SubmittedEvent($"{run}-3", $"{run}-bad", "page_view", now, null, null),
            new SubmittedEvent($"{run}-4", $"{run}-bad", "Not A Type", now, null, null),
            new SubmittedEvent($"{run}-5", $"{run}-bad", "page_view", null, null, null),
        ]));

        var errorQueue = await Poll.UntilAsync(() => ErrorQueueAsync(host), m => m is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(errorQueue);
        Assert.Contains($"{run}-bad", errorQueue.Value.Body, StringComparison.Ordinal);
        Assert.Contains("events[1].type", errorQueue.Value.Reason, StringComparison.Ordinal);
        Assert.Contains("events[2].timestamp", errorQueue.Value.Reason, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/customers/{run}-bad")).StatusCode);
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{run}-bad/events");
        Assert.Equal(0, events.GetArrayLength());
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task A_bus_batch_with_unreadable_properties_or_a_year_0001_timestamp_is_refused_whole_and_stores_nothing()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        _ = host.Services.GetRequiredService<IBus>(); // starts the host and declares its queues
        using var client = await host.AdminAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        // A .NET producer cannot even serialize such text; a producer in another language can put it on the wire.
        byte[] unreadable =
        [
            .. Envelope($$$"""
                {"id":"{{{run}}}-1","customerId":"{{{run}}}-bad","type":"page_view","timestamp":"{{{now}}}"},
                {"id":"{{{run}}}-2","customerId":"{{{run}}}-bad","type":"page_view","timestamp":"{{{now}}}","properties":{"path":"/p/
                """.TrimEnd(), first: true),
            0xff,
            .. Envelope($$$"""
                "}},
                {"id":"{{{run}}}-3","customerId":"{{{run}}}-bad","type":"page_view","timestamp":"0001-01-01T00:00:00+00:00"}
                """, first: false),
        ];
        var unpaired = Envelope($$$"""
            {"id":"{{{run}}}-4","customerId":"{{{run}}}-bad","type":"identify","timestamp":"{{{now}}}","properties":{"anonymousId":"a-\ud800"}}
            """, first: true, last: true);
        await PublishRawAsync(host, unreadable);
        await PublishRawAsync(host, unpaired);

        List<string> reasons = [];
        await Poll.UntilAsync(
            async () =>
            {
                reasons.AddRange(await ErrorReasonsAsync(host));
                return reasons.Count;
            },
            n => n >= 2,
            TimeSpan.FromSeconds(30));
        Assert.Equal(2, reasons.Count);
        // Through the validator: each field and its reason, as over HTTP.
        var refused = Assert.Single(reasons, r => r.Contains("events[1].properties", StringComparison.Ordinal));
        Assert.Contains("events[1].properties: properties must be valid Unicode", refused, StringComparison.Ordinal);
        Assert.Contains("events[2].timestamp: timestamp is before 1970-01-01", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("events[0]", refused, StringComparison.Ordinal);
        // An escaped unpaired surrogate does not get that far: MassTransit cannot deserialize the message and faults it.
        Assert.Single(reasons, r => r.Contains("missing low surrogate", StringComparison.Ordinal));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{run}-bad/events")).GetArrayLength());
    }

    /// <summary>The text of a MassTransit envelope around BehaviorEventsSubmitted, cut where raw bytes go in between.</summary>
    private static byte[] Envelope(string events, bool first, bool last = false) => Encoding.UTF8.GetBytes(
        (first ? $$"""{"messageId":"{{Guid.NewGuid()}}","messageType":["urn:message:Automation.Plugins.Sdk.Contracts:BehaviorEventsSubmitted"],"message":{"events":[""" : "")
        + events + (first && !last ? "" : "]}}"));

    /// <summary>A message body as another language's producer writes it, straight to the bus door's queue.</summary>
    private static async Task PublishRawAsync(AutomationHost host, byte[] body)
    {
        var factory = new ConnectionFactory { Uri = host.RabbitMqAddress! };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", "behavior-events-submitted", mandatory: true, properties, body);
    }

    /// <summary>Takes every message now in the bus door's error queue and returns the fault reasons MassTransit gave.</summary>
    private static async Task<List<string>> ErrorReasonsAsync(AutomationHost host)
    {
        var factory = new ConnectionFactory { Uri = host.RabbitMqAddress! };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        List<string> reasons = [];
        try
        {
            while (await channel.BasicGetAsync("behavior-events-submitted_error", autoAck: true) is { } message)
            {
                reasons.Add(message.BasicProperties.Headers?.TryGetValue("MT-Fault-Message", out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : "");
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // the error queue does not exist until the first fault
        }

        return reasons;
    }

    private static async Task<JsonElement?> ProfileAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/customers/{id}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    /// <summary>The first message in the consumer's error queue, with the fault reason MassTransit put in its headers.</summary>
    private static async Task<(string Body, string Reason)?> ErrorQueueAsync(AutomationHost host)
    {
        var factory = new ConnectionFactory { Uri = host.RabbitMqAddress! };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var message = await channel.BasicGetAsync("behavior-events-submitted_error", autoAck: false);
            if (message is null)
            {
                return null;
            }

            var reason = message.BasicProperties.Headers?.TryGetValue("MT-Fault-Message", out var value) == true && value is byte[] bytes
                ? System.Text.Encoding.UTF8.GetString(bytes)
                : "";
            return (System.Text.Encoding.UTF8.GetString(message.Body.Span), reason);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null; // the error queue does not exist until the first fault
        }
    }
}
