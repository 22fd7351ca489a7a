using System.Globalization;
using System.Text.Json;
using Automation.Storage;
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
        // Processed and unprocessed events as two parts, so each is found by an index (the embedded customer index
        // covers processed events only; unprocessed ones are few and indexed by Processed).
        var processed = db.Events.AsNoTracking().Where(e => e.CustomerId == customerId && e.Processed);
        var unprocessed = db.Events.AsNoTracking().Where(e => e.CustomerId == customerId && !e.Processed);
        if (after is { } cursor)
        {
            var at = new DateTime(cursor.Ticks, DateTimeKind.Utc);
            processed = processed.Where(e => e.Timestamp < at || (e.Timestamp == at && e.Sequence < cursor.Sequence));
            unprocessed = unprocessed.Where(e => e.Timestamp < at || (e.Timestamp == at && e.Sequence < cursor.Sequence));
        }

        var rows = await processed.Concat(unprocessed).OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Sequence).Take(take + 1)
            .Select(e => new { e.EventId, e.Type, e.Timestamp, e.Value, e.PropertiesJson, e.Sequence })
            .ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        var next = rows.Count > take ? $"{page[^1].Timestamp.Ticks.ToString(CultureInfo.InvariantCulture)}-{page[^1].Sequence.ToString(CultureInfo.InvariantCulture)}" : null;
        return new Page(
            [.. page.Select(e => new Entry(e.EventId, e.Type, e.Timestamp, e.Value, e.PropertiesJson is null ? null : JsonSerializer.Deserialize<JsonElement>(e.PropertiesJson)))],
            next);
    }

    /// <summary>The address of the page after a cursor.</summary>
    public static string NextLink(string customerId, int take, string cursor) =>
        $"/api/customers/{Uri.EscapeDataString(customerId)}/events?take={take.ToString(CultureInfo.InvariantCulture)}&cursor={cursor}";
}
