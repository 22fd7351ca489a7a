using System.Globalization;
using System.Text.Json;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>
/// A customer's events newest first, a page at a time. The cursor names the last event of a page (its time and log
/// sequence), so a page stays correct while new events arrive, and each page is one index range read.
/// </summary>
public static class CustomerTimeline
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public sealed record Entry(string Id, string Type, DateTime Timestamp, decimal? Value, JsonElement? Properties);

    public sealed record Page(IReadOnlyList<Entry> Events, string? NextCursor);

    /// <summary>Reads a cursor; false when the text is not one this API handed out.</summary>
    public static bool TryParseCursor(string? text, out (long Ticks, long Sequence)? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            cursor = (ticks, sequence);
            return true;
        }

        return false;
    }

    public static async Task<Page> ReadAsync(AutomationDbContext db, string customerId, int take, (long Ticks, long Sequence)? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The union of parts each found by an index (embedded: the filed events and those above the filing checkpoint).
        var events = EventCustomerRows.Parts(db, customerId).Select(part => Older(part.AsNoTracking(), after)).Aggregate((a, b) => a.Concat(b));
        var rows = await events.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Sequence).Take(take + 1)
            .Select(e => new { e.EventId, e.Type, e.Timestamp, e.Value, e.PropertiesJson, e.Sequence })
            .ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? $"{page[^1].Timestamp.Ticks.ToString(CultureInfo.InvariantCulture)}-{page[^1].Sequence.ToString(CultureInfo.InvariantCulture)}" : null;
        return new Page(
            [.. page.Select(e => new Entry(e.EventId, e.Type, e.Timestamp, e.Value, e.PropertiesJson is null ? null : JsonSerializer.Deserialize<JsonElement>(e.PropertiesJson)))],
            next);
    }

    private static IQueryable<StoredEvent> Older(IQueryable<StoredEvent> events, (long Ticks, long Sequence)? after)
    {
        if (after is not { } cursor)
        {
            return events;
        }

        var at = new DateTime(cursor.Ticks, DateTimeKind.Utc);
        return events.Where(e => e.Timestamp < at || (e.Timestamp == at && e.Sequence < cursor.Sequence));
    }

    /// <summary>The address of the page after a cursor.</summary>
    public static string NextLink(string customerId, int take, string cursor) =>
        $"/api/customers/{Uri.EscapeDataString(customerId)}/events?take={take.ToString(CultureInfo.InvariantCulture)}&cursor={cursor}";
}
