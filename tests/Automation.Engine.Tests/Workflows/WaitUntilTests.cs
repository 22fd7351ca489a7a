using Automation.Engine.Workflows.Activities;

namespace Automation.Engine.Tests.Workflows;

public sealed class WaitUntilTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Before_nine_it_waits_until_nine_the_same_day_in_the_customers_zone() =>
        Assert.Equal(new DateTime(2026, 6, 10, 7, 0, 0, DateTimeKind.Utc), WaitUntil.Next(new DateTime(2026, 6, 10, 5, 0, 0, DateTimeKind.Utc), new TimeOnly(9, 0), new HashSet<DayOfWeek>(), Berlin));

    [Fact]
    public void After_nine_it_waits_until_nine_the_next_allowed_weekday()
    {
        // Friday 12 June 2026, 10:00 in Berlin; only weekdays: Monday 15 June, 09:00 Berlin (07:00 UTC in summer).
        var weekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        Assert.Equal(new DateTime(2026, 6, 15, 7, 0, 0, DateTimeKind.Utc), WaitUntil.Next(new DateTime(2026, 6, 12, 8, 0, 0, DateTimeKind.Utc), new TimeOnly(9, 0), weekdays, Berlin));
    }

    [Fact]
    public void Across_the_clock_change_nine_stays_nine_local()
    {
        // Saturday 28 March 2026 10:00 Berlin (CET); the clocks go forward that night: Sunday 09:00 CEST is 07:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 7, 0, 0, DateTimeKind.Utc), WaitUntil.Next(new DateTime(2026, 3, 28, 9, 0, 0, DateTimeKind.Utc), new TimeOnly(9, 0), new HashSet<DayOfWeek>(), Berlin));
    }
}
