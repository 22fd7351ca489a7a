using Automation.Plugins.Sdk;
using Microsoft.Extensions.Logging;

namespace Acme.Connector;

/// <summary>
/// The batch kind: up to the action's BatchSize dispatches in one call (one API request for many customers), each
/// answered on its own. A retryable answer retries only that action; a permanent one fails only that action.
/// </summary>
public sealed partial class NoteBatchHandler(ConnectorSettings settings, ILogger<NoteBatchHandler> logger) : BatchActionHandler<NoteInput>
{
    protected override Task<IReadOnlyList<ActionResult>> HandleBatchAsync(IReadOnlyList<ActionBatchItem<NoteInput>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);

        // Send the valid ones in one request here; each item's Request.IdempotencyKey identifies it. Never throw once
        // the external system may have taken the request: answer each item instead, so no success is lost.
        LogBatch(logger, items.Count, settings.Target);
        IReadOnlyList<ActionResult> results =
        [
            .. items.Select(item => string.IsNullOrWhiteSpace(item.Input.Text)
                ? ActionResult.Permanent("input.text is empty")
                : ActionResult.Success($"noted in {settings.Target} for {item.Request.Customer.CustomerId}: {item.Input.Text}")),
        ];
        return Task.FromResult(results);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} notes in one request to {Target}")]
    private static partial void LogBatch(ILogger logger, int count, string target);
}
