using System.Diagnostics;
using System.Text.Json;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Engine.Telemetry;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Events;

/// <summary>
/// The one path into the event log for every door (HTTP, bus, import): validate the whole batch,
/// append it in one transaction, wake the processor. A batch with any bad item stores nothing.
/// </summary>
public sealed class EventIngestion(
    IEventLog log,
    IValidator<IncomingEvent> validator,
    EventProcessingSignal signal,
    TimeProvider clock,
    IngestTraces? traces = null,
    ProcessingTimings? timings = null)
{
    public const int MaxBatchEvents = 10_000;

    // Below this many items per part, handing work to another core costs more than it saves.
    private const int ItemsPerPart = 1000;

    public async Task<IngestionResult> IngestAsync(IReadOnlyList<IncomingEvent?> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var t = Stopwatch.GetTimestamp();
        var errors = Validate(items);
        t = timings?.Add("ingest: validate", t, items.Count) ?? t;
        if (errors.Count > 0)
        {
            return IngestionResult.Refused(errors);
        }

        return await StoreAsync(items, t, cancellationToken);
    }

    /// <summary>Stores events the caller already passed through <see cref="Validate"/> (the importer, which skips bad rows).</summary>
    public Task<IngestionResult> IngestValidatedAsync(IReadOnlyList<IncomingEvent> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return StoreAsync(items, Stopwatch.GetTimestamp(), cancellationToken);
    }

    private async Task<IngestionResult> StoreAsync(IReadOnlyList<IncomingEvent?> items, long t, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var built = new StoredEvent[items.Count];
        var traceParent = Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;
        InParts(items.Count, (part, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                built[i] = ToStored(items[i]!, now, traceParent);
            }
        });

        var events = new List<StoredEvent>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var e in built)
        {
            if (!seen.Add(e.EventId))
            {
                duplicates++;
                continue;
            }

            events.Add(e);
        }

        t = timings?.Add("ingest: convert", t, items.Count) ?? t;
        var added = await log.AppendAsync(events, cancellationToken);
        timings?.Add("ingest: durable append", t, events.Count);
        signal.Notify();
        Accepted(events, added);
        return new IngestionResult(added, duplicates + (events.Count - added), []);
    }

    private void Accepted(List<StoredEvent> events, int added)
    {
        EngineTelemetry.EventsAccepted.Add(added);
        traces?.Accepted(events.Select(e => e.CustomerId));
    }

    public List<EventItemError> Validate(IReadOnlyList<IncomingEvent?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = new List<EventItemError>();
        if (items.Count == 0)
        {
            errors.Add(new EventItemError(null, "events", "the batch is empty"));
        }

        if (items.Count > MaxBatchEvents)
        {
            errors.Add(new EventItemError(null, "events", $"at most {MaxBatchEvents} events per batch"));
            return errors;
        }

        // Per part, merged in part order: the errors stay in item order.
        var found = new List<EventItemError>?[Parts(items.Count)];
        InParts(items.Count, (part, from, to) =>
        {
            List<EventItemError> failed = [];
            for (var i = from; i < to; i++)
            {
                if (items[i] is not { } item)
                {
                    failed.Add(new EventItemError(i, "", "each event must be a JSON object"));
                    continue;
                }

                foreach (var failure in validator.Validate(item).Errors)
                {
                    failed.Add(new EventItemError(i, ToFieldName(failure.PropertyName), failure.ErrorMessage));
                }
            }

            found[part] = failed;
        });
        foreach (var failed in found)
        {
            errors.AddRange(failed ?? []);
        }

        return errors;
    }

    private static StoredEvent ToStored(IncomingEvent e, DateTime now, string? traceParent)
    {
        Iso8601Timestamp.TryParse(e.Timestamp, out var at);
        return new StoredEvent
        {
            EventId = string.IsNullOrEmpty(e.Id) ? Guid.CreateVersion7().ToString("N") : e.Id,
            CustomerId = e.CustomerId!,
            Type = e.Type!,
            Timestamp = at.UtcDateTime,
            Value = e.Value is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null,
            PropertiesJson = e.Properties is { ValueKind: JsonValueKind.Object } p ? p.GetRawText() : null,
            ReceivedAt = now,
            TraceParent = traceParent,
        };
    }

    /// <summary>
    /// Runs <paramref name="body"/> (part, from, to) over ranges covering <paramref name="count"/> items, one per core for a
    /// large batch. Validating and converting a batch ran on one core while the other waited (a third of an append before
    /// the validator's shortcut): each item's work is independent (the validator keeps no state); only the insert needs
    /// SQLite's one writer.
    /// </summary>
    private static void InParts(int count, Action<int, int, int> body)
    {
        var parts = Parts(count);
        if (parts <= 1)
        {
            body(0, 0, count);
            return;
        }

        Parallel.For(0, parts, p => body(p, count * p / parts, count * (p + 1) / parts));
    }

    private static int Parts(int count) => Math.Clamp(count / ItemsPerPart, 1, Environment.ProcessorCount);

    private static string ToFieldName(string property) =>
        property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
