using System.Net;
using System.Net.Http.Json;
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
        using var client = host.ApiClient();
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
    public async Task A_bus_batch_with_an_unreadable_property_or_a_year_0001_timestamp_is_refused_whole_like_over_http()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        using var client = host.ApiClient();
        var bus = host.Services.GetRequiredService<IBus>();
        var run = Guid.NewGuid().ToString("N")[..8];
        using var unpaired = JsonDocument.Parse("{\"anonymousId\":\"a-\\ud800\"}");

        await bus.Publish(new BehaviorEventsSubmitted(
        [
            new SubmittedEvent($"{run}-1", $"{run}-bad", "page_view", DateTimeOffset.UtcNow, null, null),
            new SubmittedEvent($"{run}-2", $"{run}-bad", "identify", DateTimeOffset.UtcNow, null, unpaired.RootElement.Clone()),
            new SubmittedEvent($"{run}-3", $"{run}-bad", "page_view", DateTimeOffset.MinValue, null, null),
        ]));

        var errorQueue = await Poll.UntilAsync(() => ErrorQueueAsync(host), m => m is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(errorQueue);
        Assert.Contains("events[1].properties", errorQueue.Value.Reason, StringComparison.Ordinal);
        Assert.Contains("valid Unicode", errorQueue.Value.Reason, StringComparison.Ordinal);
        Assert.Contains("events[2].timestamp: timestamp is before 1970-01-01", errorQueue.Value.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{run}-bad/events")).GetArrayLength());
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
