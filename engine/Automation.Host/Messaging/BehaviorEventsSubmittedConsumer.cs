using System.Globalization;
using System.Text.Json;
using Automation.Engine.Events;
using Automation.Plugins.Sdk.Contracts;
using MassTransit;

namespace Automation.Host.Messaging;

/// <summary>The bus door for events: the same validation and durable append as POST /api/events.</summary>
public sealed partial class BehaviorEventsSubmittedConsumer(EventIngestion ingestion, ILogger<BehaviorEventsSubmittedConsumer> logger) : IConsumer<BehaviorEventsSubmitted>
{
    public async Task Consume(ConsumeContext<BehaviorEventsSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = (context.Message.Events ?? []).Select(e => e is null ? null : new IncomingEvent(
            e.Id,
            e.CustomerId,
            e.Type,
            e.Timestamp?.ToString("O", CultureInfo.InvariantCulture), // no timestamp is refused, as over HTTP; never "now"
            e.Value is { } v ? JsonSerializer.SerializeToElement(v) : null,
            e.Properties)).ToList();
        if (items.Count > EventIngestion.MaxBatchEvents)
        {
            Refuse(context, [new EventItemError(null, "events", $"at most {EventIngestion.MaxBatchEvents} events per batch; this one has {items.Count}")]);
        }

        var result = await ingestion.IngestAsync(items, context.CancellationToken);
        if (result.Rejected)
        {
            Refuse(context, result.Errors);
        }
    }

    /// <summary>A refused batch is logged with its reasons and faults: MassTransit moves it whole to the error queue and publishes Fault.</summary>
    private void Refuse(ConsumeContext<BehaviorEventsSubmitted> context, IReadOnlyList<EventItemError> errors)
    {
        var reasons = string.Join("; ", errors.Select(e => e.Index is { } i ? $"events[{i}].{e.Field}: {e.Reason}" : $"{e.Field}: {e.Reason}"));
        LogRefused(logger, context.MessageId, reasons);
        throw new EventBatchRefusedException(reasons);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "BehaviorEventsSubmitted {MessageId} refused, nothing stored; moved to the error queue: {Reasons}")]
    private static partial void LogRefused(ILogger logger, Guid? messageId, string reasons);
}
