using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Schedules;

namespace Automation.Engine.Tests.Workflows;

public sealed class AudienceScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Every_monday_at_nine_fires_at_nine_in_the_workspace_zone_in_winter_and_in_summer()
    {
        var trigger = new TriggerDefinition { Type = TriggerTypes.Schedule, Segment = "vip", Cron = "0 9 * * MON" };

        // Monday 2026-01-05 09:00 in Berlin is 08:00 UTC (CET); Monday 2026-07-06 09:00 is 07:00 UTC (CEST).
        Assert.Equal(Utc(2026, 1, 5, 8), AudienceSchedule.DueOccurrence(trigger, Berlin, Utc(2026, 1, 1, 0), Utc(2026, 1, 5, 8, 30)));
        Assert.Null(AudienceSchedule.DueOccurrence(trigger, Berlin, Utc(2026, 1, 1, 0), Utc(2026, 1, 5, 7, 59)));
        Assert.Equal(Utc(2026, 7, 6, 7), AudienceSchedule.DueOccurrence(trigger, Berlin, Utc(2026, 7, 1, 0), Utc(2026, 7, 6, 7, 1)));
    }

    [Fact]
    public void Occurrences_missed_while_no_engine_ran_fire_once_as_the_latest_and_a_fired_one_not_again()
    {
        var trigger = new TriggerDefinition { Type = TriggerTypes.Schedule, Segment = "vip", Cron = "0 9 * * *" };
        var lastFired = Utc(2026, 3, 2, 9);

        var due = AudienceSchedule.DueOccurrence(trigger, TimeZoneInfo.Utc, lastFired, Utc(2026, 3, 5, 10));

        Assert.Equal(Utc(2026, 3, 5, 9), due);
        Assert.Null(AudienceSchedule.DueOccurrence(trigger, TimeZoneInfo.Utc, due!.Value, Utc(2026, 3, 5, 23)));
    }

    [Fact]
    public void A_one_off_fires_once_its_time_has_come()
    {
        var trigger = new TriggerDefinition { Type = TriggerTypes.Schedule, Segment = "vip", At = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(1)) };

        Assert.Null(AudienceSchedule.DueOccurrence(trigger, Berlin, DateTime.MinValue, Utc(2026, 3, 5, 7, 59)));
        Assert.Equal(Utc(2026, 3, 5, 8), AudienceSchedule.DueOccurrence(trigger, Berlin, DateTime.MinValue, Utc(2026, 3, 5, 8)));
        Assert.Null(AudienceSchedule.DueOccurrence(trigger, Berlin, Utc(2026, 3, 5, 8), Utc(2026, 3, 9, 0)));
    }

    [Theory]
    [InlineData("0 9 * * MONDAY", "trigger.cron")]
    [InlineData("", "trigger.cron")]
    [InlineData(null, "trigger.cron")]
    public void A_schedule_without_a_readable_cron_is_refused_naming_the_field(string? cron, string field)
    {
        var problems = Problems(new TriggerDefinition { Type = TriggerTypes.Schedule, Segment = "vip", Cron = cron });

        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void A_schedule_names_its_segment_and_takes_a_cron_or_a_time_but_not_both()
    {
        var problems = Problems(new TriggerDefinition { Type = TriggerTypes.Schedule, Cron = "0 9 * * 1", At = DateTimeOffset.UtcNow });

        Assert.Contains(problems, p => p.Field == "trigger.segment");
        Assert.Contains(problems, p => p.Field == "trigger.cron" && p.Message.Contains("not both", StringComparison.Ordinal));
        Assert.DoesNotContain(Problems(new TriggerDefinition { Type = TriggerTypes.Schedule, Segment = "vip", Cron = "0 9 * * 1" }), p => p.Field.StartsWith("trigger", StringComparison.Ordinal));
    }

    private static IReadOnlyList<DefinitionProblem> Problems(TriggerDefinition trigger)
    {
        var definition = new WorkflowDefinition
        {
            Id = "scheduled",
            Name = "Scheduled",
            Trigger = trigger,
            Activities = [new ActivityDefinition { Id = "end", Type = "end" }],
        };
        return WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(definition));
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
