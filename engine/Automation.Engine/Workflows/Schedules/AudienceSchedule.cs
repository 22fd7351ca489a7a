using Automation.Engine.Workflows.Definitions;
using Cronos;

namespace Automation.Engine.Workflows.Schedules;

/// <summary>
/// When a scheduled audience trigger fires: a one-off at its set time, a cron schedule at each occurrence in the
/// workspace's time zone (Cronos handles daylight saving). Occurrences missed while no engine ran fire once, as the
/// latest of them, not once each.
/// </summary>
public static class AudienceSchedule
{
    /// <summary>Parses a five-field cron expression; null with the parser's reason when it is not one.</summary>
    public static CronExpression? TryParse(string? cron, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(cron))
        {
            problem = "give a cron schedule of five fields (minute hour day-of-month month day-of-week), e.g. 0 9 * * MON";
            return null;
        }

        try
        {
            return CronExpression.Parse(cron.Trim(), CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            problem = $"not a five-field cron schedule: {ex.Message}";
            return null;
        }
    }

    /// <summary>
    /// The occurrence due at <paramref name="nowUtc"/> that has not fired yet: the latest one after
    /// <paramref name="afterUtc"/> (the last fired occurrence, or when the version was published) and not after now.
    /// </summary>
    public static DateTime? DueOccurrence(TriggerDefinition trigger, TimeZoneInfo zone, DateTime afterUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.At is { } at)
        {
            var once = at.UtcDateTime;
            return once > afterUtc && once <= nowUtc ? once : null;
        }

        if (TryParse(trigger.Cron, out _) is not { } cron)
        {
            return null;
        }

        DateTime? due = null;
        var from = DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc);
        while (cron.GetNextOccurrence(from, zone) is { } next && next <= nowUtc)
        {
            due = next;
            from = next;
        }

        return due;
    }

    /// <summary>The next occurrence after <paramref name="nowUtc"/>, for people: when the audience starts next.</summary>
    public static DateTime? NextOccurrence(TriggerDefinition trigger, TimeZoneInfo zone, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.At is { } at)
        {
            return at.UtcDateTime > nowUtc ? at.UtcDateTime : null;
        }

        return TryParse(trigger.Cron, out _)?.GetNextOccurrence(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
    }

    /// <summary>The workspace's time zone (Automation:TimeZone), UTC when the id is unknown to this machine.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
