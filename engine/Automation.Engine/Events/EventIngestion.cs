using System.Text.Json;
using Automation.Storage;
using Automation.Storage.Events;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Events;

/// <summary>
/// The one path into the event log for every door (HTTP, bus, import): validate the whole batch,
/// append it in one transaction, wake the processor. A batch with any bad item stores nothing.
/// </summary>
public sealed class EventIngestion(
    IDbContextFactory<AutomationDbContext> databases,
    IValidator<IncomingEvent> validator,
    EventProcessingSignal signal,
    TimeProvider clock,
    EventTail? tail = null,
    EventInbox? inbox = null)
{
    public const int MaxBatchEvents = 10_000;

    public async Task<IngestionResult> IngestAsync(IReadOnlyList<IncomingEvent?> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var errors = Validate(items);
        if (errors.Count > 0)
        {
            return IngestionResult.Refused(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<StoredEvent>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var item in items)
        {
            var e = item!;
            var id = string.IsNullOrEmpty(e.Id) ? Guid.CreateVersion7().ToString("N") : e.Id;
            if (!seen.Add(id))
            {
                duplicates++;
                continue;
            }

            Iso8601Timestamp.TryParse(e.Timestamp, out var at);
            events.Add(new StoredEvent
            {
                EventId = id,
                CustomerId = e.CustomerId!,
                Type = e.Type!,
                Timestamp = at.UtcDateTime,
                Value = e.Value is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null,
                PropertiesJson = e.Properties is { ValueKind: JsonValueKind.Object } p ? p.GetRawText() : null,
                ReceivedAt = now,
            });
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!db.IsPostgres)
        {
            var added = inbox is not null
                ? await inbox.AppendAsync(db, events, cancellationToken)
                : await SqliteEventAppender.AppendAsync(db, events, tail, cancellationToken);
            signal.Notify();
            return new IngestionResult(added, duplicates + (events.Count - added), []);
        }

        var known = await KnownIdsAsync(db, events, cancellationToken);
        if (known.Count > 0)
        {
            duplicates += events.RemoveAll(e => known.Contains(e.EventId));
        }

        db.Events.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return new IngestionResult(events.Count, duplicates, []);
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

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors.Add(new EventItemError(i, "", "each event must be a JSON object"));
                continue;
            }

            foreach (var failure in validator.Validate(item).Errors)
            {
                errors.Add(new EventItemError(i, ToFieldName(failure.PropertyName), failure.ErrorMessage));
            }
        }

        return errors;
    }

    private static async Task<HashSet<string>> KnownIdsAsync(AutomationDbContext db, List<StoredEvent> events, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in events.Select(e => e.EventId).Chunk(500))
        {
            var found = await db.Events.AsNoTracking().Where(e => chunk.Contains(e.EventId)).Select(e => e.EventId).ToListAsync(cancellationToken);
            known.UnionWith(found);
        }

        return known;
    }

    private static string ToFieldName(string property) =>
        property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
