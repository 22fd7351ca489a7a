using Automation.Engine.Events;
using Automation.Plugins.Sdk.Contracts;
using MassTransit;

namespace Automation.Host.Messaging;

/// <summary>The bus door for events: the same validation and durable append as POST /api/events.</summary>
public sealed class BehaviorEventsSubmittedConsumer(EventIngestion ingestion) : IConsumer<BehaviorEventsSubmitted>
{
    public async Task Consume(ConsumeContext<BehaviorEventsSubmitted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.Message.Events.Select(e => (IncomingEvent?)new IncomingEvent(
            e.Id, e.CustomerId, e.Type, (e.Timestamp ?? DateTimeOffset.UtcNow).ToString("O"), e.Value is { } v ? System.Text.Json.JsonSerializer.SerializeToElement(v) : null, e.Properties)).ToList();
        var result = await ingestion.IngestAsync(items, context.CancellationToken);
        if (result.Rejected)
        {
            // Refused batches go to the error queue whole, with the reasons, so nothing is dropped silently.
            throw new InvalidOperationException("batch refused: " + string.Join("; ", result.Errors.Select(e => $"[{e.Index}] {e.Field}: {e.Reason}")));
        }
    }
}
