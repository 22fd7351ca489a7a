using System.Globalization;
using Automation.Engine.Workflows.Runtime;

namespace Automation.Engine.Workflows.Activities;

/// <summary>
/// Waits until a time of day (on the given weekdays, if any) in the customer's own time zone, or the workspace's when
/// the customer's is unknown; e.g. "send at 09:00 on a weekday, wherever they live".
/// </summary>
[Activity("waitUntil", "Flow", "Wait until", "Waits until a time of day (e.g. 09:00, optionally only on some weekdays) in the customer's time zone, then goes on", Waits = true)]
public sealed class WaitUntil : Activity<WaitUntilSettings>
{
    protected override Task<ActivityOutcome> ExecuteAsync(ActivityContext context, WaitUntilSettings settings, CancellationToken cancellationToken)
    {
        if (context.Simulation is not null)
        {
            return Task.FromResult(ActivityOutcome.Continue("done", $"would wait until {settings.Time}"));
        }

        var zone = Zone(context.Profile?.TimeZone) ?? Zone(context.Services.Options.TimeZone) ?? TimeZoneInfo.Utc;
        var wakeAt = Next(context.Now, TimeOnly.ParseExact(settings.Time, "HH:mm", CultureInfo.InvariantCulture), Days(settings.Weekdays), zone);
        return Task.FromResult(ActivityOutcome.Suspend(new Bookmark("timer", wakeAt, "done"), $"waiting until {settings.Time} in {zone.Id} ({wakeAt:u})"));
    }

    /// <summary>The first moment after <paramref name="nowUtc"/> that is <paramref name="time"/> on an allowed day in the zone.</summary>
    public static DateTime Next(DateTime nowUtc, TimeOnly time, IReadOnlySet<DayOfWeek> days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        for (var day = 0; day <= 7; day++)
        {
            var candidate = local.Date.AddDays(day) + time.ToTimeSpan();
            if (candidate <= local || (days.Count > 0 && !days.Contains(candidate.DayOfWeek)) || zone.IsInvalidTime(candidate))
            {
                continue;
            }

            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(candidate, DateTimeKind.Unspecified), zone);
        }

        return nowUtc.AddDays(1); // unreachable with a valid time: a week always holds an allowed day
    }

    protected override IEnumerable<(string Field, string Message)> Validate(WaitUntilSettings settings, ValidationServices services)
    {
        if (!TimeOnly.TryParseExact(settings.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return ("time", $"'{settings.Time}' is not a time of day such as 09:00");
        }

        if (settings.Weekdays.FirstOrDefault(d => !Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out _)) is { } bad)
        {
            yield return ("weekdays", $"'{bad}' is not a weekday: use Monday … Sunday");
        }
    }

    private static HashSet<DayOfWeek> Days(IEnumerable<string> names) =>
        names.Select(n => Enum.TryParse<DayOfWeek>(n, ignoreCase: true, out var d) ? d : (DayOfWeek?)null).OfType<DayOfWeek>().ToHashSet();

    private static TimeZoneInfo? Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
