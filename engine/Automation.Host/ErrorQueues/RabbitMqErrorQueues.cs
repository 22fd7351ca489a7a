using System.Globalization;
using System.Text;
using System.Text.Json;
using Automation.Engine.Actions;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Plugins.Sdk.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Automation.Host.ErrorQueues;

/// <summary>
/// Reads the <c>_error</c> queues MassTransit fills on RabbitMQ (one per receive endpoint) with basic.get: listing
/// takes every message without acknowledging it and closing the channel puts them all back; replaying republishes one
/// to its original queue (publisher-confirmed) before acknowledging it, so a crash in between leaves a copy, never none.
/// </summary>
public sealed class RabbitMqErrorQueues(IOptions<AutomationOptions> options, ActionCatalog catalog) : IErrorQueues
{
    private const int ReadLimit = 5000;

    private static readonly string[] EngineEndpoints =
    [
        KebabCaseEndpointNameFormatter.Instance.Consumer<Engine.Dispatch.ActionOutcomeConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<Plugins.DispatchFaultConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<Engine.Workflows.Runtime.WorkflowTriggerConsumer>(),
        KebabCaseEndpointNameFormatter.Instance.Consumer<Messaging.BehaviorEventsSubmittedConsumer>(),
    ];

    public async Task<IReadOnlyList<ErrorQueueMessage>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var found = new List<ErrorQueueMessage>();
        foreach (var queue in ErrorQueueNames())
        {
            if (!await ExistsAsync(connection, queue, cancellationToken))
            {
                continue;
            }

            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            // Held unacknowledged until the channel closes, which returns every one of them to the queue.
            for (var i = 0; i < ReadLimit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } got; i++)
            {
                found.Add(Describe(queue, got));
            }
        }

        return found;
    }

    public Task<ErrorQueueMessage?> ReplayAsync(string id, CancellationToken cancellationToken) =>
        TakeAsync(id, republish: true, cancellationToken);

    public Task<ErrorQueueMessage?> DiscardAsync(string id, CancellationToken cancellationToken) =>
        TakeAsync(id, republish: false, cancellationToken);

    public void Observe(DispatchAction message, string queue, string reason, string? exceptionType, DateTimeOffset at)
    {
        // The broker keeps the message in the error queue itself.
    }

    private async Task<ErrorQueueMessage?> TakeAsync(string id, bool republish, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        foreach (var queue in ErrorQueueNames())
        {
            if (!await ExistsAsync(connection, queue, cancellationToken))
            {
                continue;
            }

            var confirmed = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
            await using var channel = await connection.CreateChannelAsync(confirmed, cancellationToken);
            for (var i = 0; i < ReadLimit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } got; i++)
            {
                var view = Describe(queue, got);
                if (view.Id != id)
                {
                    continue; // returned to the queue when the channel closes
                }

                if (republish)
                {
                    var properties = new BasicProperties(got.BasicProperties);
                    foreach (var header in properties.Headers?.Keys.Where(IsFaultHeader).ToList() ?? [])
                    {
                        properties.Headers!.Remove(header);
                    }

                    await channel.BasicPublishAsync("", OriginalQueue(queue, got), mandatory: true, properties, got.Body, cancellationToken);
                }

                await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
                return view;
            }
        }

        return null;
    }

    private IEnumerable<string> ErrorQueueNames() =>
        catalog.All.Select(a => a.Queue).Concat(EngineEndpoints).Select(q => q + "_error");

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var rabbit = options.Value.RabbitMq;
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            ClientProvidedName = "automation-error-queues",
        };
        return await factory.CreateConnectionAsync(cancellationToken);
    }

    /// <summary>On a channel of its own: a passive declare of a missing queue closes the channel it was asked on.</summary>
    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    private static ErrorQueueMessage Describe(string queue, BasicGetResult got)
    {
        var headers = got.BasicProperties.Headers;
        var (type, actionId, envelopeId) = ReadEnvelope(got.Body);
        var faultedAt = DateTimeOffset.TryParse(Header(headers, "MT-Fault-Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null;
        return new ErrorQueueMessage(
            got.BasicProperties.MessageId ?? envelopeId ?? $"{queue}:{got.DeliveryTag}",
            queue[..^"_error".Length],
            type,
            actionId,
            Header(headers, "MT-Fault-Message") ?? Header(headers, "MT-Reason") ?? "unknown",
            Header(headers, "MT-Fault-ExceptionType"),
            faultedAt);
    }

    /// <summary>The message type's short name, the action id it carries, and the envelope's message id.</summary>
    private static (string Type, Guid? ActionId, string? MessageId) ReadEnvelope(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            var type = root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()?.Split(':')[^1] ?? "unknown" : "unknown";
            Guid? actionId = root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("actionId", out var id) && id.TryGetGuid(out var guid) ? guid : null;
            var messageId = root.TryGetProperty("messageId", out var mid) ? mid.GetString() : null;
            return (type, actionId, messageId);
        }
        catch (JsonException)
        {
            return ("unreadable", null, null);
        }
    }

    private static string OriginalQueue(string errorQueue, BasicGetResult got)
    {
        // rabbitmq://host/vhost/queue?options: the last path segment is the queue the consumer read it from.
        var input = Header(got.BasicProperties.Headers, "MT-Fault-InputAddress");
        return input is not null && Uri.TryCreate(input, UriKind.Absolute, out var address) && address.Segments.Length > 0
            ? Uri.UnescapeDataString(address.Segments[^1])
            : errorQueue[..^"_error".Length];
    }

    private static bool IsFaultHeader(string name) =>
        name.StartsWith("MT-Fault-", StringComparison.Ordinal) || name == "MT-Reason";

    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        } : null;
}
