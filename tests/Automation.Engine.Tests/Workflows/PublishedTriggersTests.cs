using Automation.Engine.Segments;
using Automation.Engine.Tests.Support;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Goals;
using Automation.Engine.Workflows.Runtime;
using Automation.Testing;

namespace Automation.Engine.Tests.Workflows;

public sealed class PublishedTriggersTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Publishing_or_disabling_a_workflow_changes_at_once_which_segment_messages_start_something()
    {
        await using var database = await WithSegmentsAsync();
        var clock = new ShiftableClock();
        var triggers = new PublishedTriggers(database, clock);
        var service = new WorkflowService(database, WorkflowDefinitionValidatorTests.Validator(), new DefinitionCache(), triggers, new GoalWorkflows(database, clock), clock);
        var onboarding = Shipped("new-customer-onboarding.json");

        Assert.False(await triggers.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None));
        Assert.True((await service.SaveDraftAsync(onboarding, "mia", mustBeNew: true, None)).Succeeded);
        Assert.False(await triggers.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None)); // a draft starts nothing

        Assert.True((await service.PublishAsync(onboarding.Id, "mia", None))!.Succeeded);
        Assert.True(await triggers.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None));
        Assert.False(await triggers.ListensAsync(TriggerTypes.SegmentExited, "new-customers", None));
        Assert.False(await triggers.ListensAsync(TriggerTypes.SegmentEntered, "at-risk", None));

        Assert.True(await service.SetEnabledAsync(onboarding.Id, false, "mia", None));
        Assert.False(await triggers.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None));
        Assert.True(await service.SetEnabledAsync(onboarding.Id, true, "mia", None));
        Assert.True(await triggers.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None));
    }

    [Fact]
    public async Task A_workflow_another_process_publishes_is_listened_to_once_the_refresh_interval_has_passed()
    {
        await using var database = await WithSegmentsAsync();
        // Frozen: on a busy machine the publish alone may take longer than the refresh interval of a real clock.
        var clock = new FrozenClock();
        var mine = new PublishedTriggers(database, clock);
        var theirs = new WorkflowService(database, WorkflowDefinitionValidatorTests.Validator(), new DefinitionCache(), new PublishedTriggers(database, clock), new GoalWorkflows(database, clock), clock);
        var onboarding = Shipped("new-customer-onboarding.json");
        Assert.False(await mine.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None));

        await theirs.SaveDraftAsync(onboarding, "mia", mustBeNew: true, None);
        await theirs.PublishAsync(onboarding.Id, "mia", None);
        Assert.False(await mine.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None)); // the answer read a moment ago

        clock.Advance(PublishedTriggers.RefreshInterval);
        Assert.True(await mine.ListensAsync(TriggerTypes.SegmentEntered, "new-customers", None));
    }

    private static async Task<TemporaryDatabase> WithSegmentsAsync()
    {
        var database = await TemporaryDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        db.Segments.AddRange(BuiltInSegments.All());
        await db.SaveChangesAsync();
        return database;
    }

    private static WorkflowDefinition Shipped(string file) => WorkflowJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Workflows, file)));
}
