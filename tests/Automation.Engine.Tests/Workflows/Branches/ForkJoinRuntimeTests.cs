using Automation.Engine.Tests.Support;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Workflows.Branches;

public sealed class ForkJoinRuntimeTests
{
    [Fact]
    public async Task Fork_starts_a_waiting_branch_per_port_and_the_instance_waits_at_the_fork()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.TwoWaits("all"));

        var id = await harness.StartAsync("c1");

        var instances = await harness.InstancesAsync();
        var parent = Assert.Single(instances, i => i.Id == id);
        Assert.Equal((WorkflowInstanceStatus.Waiting, "fork", "fork:fork"), (parent.Status, parent.CurrentActivityId, parent.Bookmark));
        var branches = instances.Where(i => i.ParentInstanceId == id).ToList();
        Assert.Equal(["ad_click", "email_open"], branches.Select(b => b.WaitingForEvent).Order());
        Assert.All(branches, b => Assert.Equal(("fork", WorkflowInstanceStatus.Waiting, (string?)null), (b.ForkActivityId, b.Status, b.ActiveKey)));
        Assert.Equal("parallel|c1", parent.ActiveKey); // the entry keeps the one-active-instance key; branches hold none
    }

    [Fact]
    public async Task Join_all_goes_on_once_when_both_branches_arrive_on_different_events()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.TwoWaits("all"));
        var id = await harness.StartAsync("c1");

        Assert.Equal(1, await harness.EventsAsync("c1", "email_open"));
        Assert.Equal("fork:fork", (await Parent(harness, id)).Bookmark); // one of two: still waiting
        Assert.Equal(1, await harness.EventsAsync("c1", "ad_click"));

        var parent = await Parent(harness, id);
        Assert.Equal((WorkflowInstanceStatus.Waiting, "after", "timer"), (parent.Status, parent.CurrentActivityId, parent.Bookmark));
        var join = Assert.Single(await harness.StepsAsync(id), s => s.ActivityId == "join");
        Assert.Equal(("done", "2 of 2 branches arrived"), (join.Port, join.Summary));
        Assert.All((await harness.InstancesAsync()).Where(i => i.ParentInstanceId == id), b => Assert.Equal((WorkflowInstanceStatus.Completed, "join"), (b.Status, b.CurrentActivityId)));
    }

    [Fact]
    public async Task Both_branches_resumed_in_one_batch_let_the_instance_go_on_once()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.TwoWaits("all"));
        var id = await harness.StartAsync("c1");

        Assert.Equal(2, await harness.EventsAsync("c1", "email_open", "ad_click"));

        Assert.Equal("after", (await Parent(harness, id)).CurrentActivityId);
        Assert.Single(await harness.StepsAsync(id), s => s.ActivityId == "join");
    }

    [Fact]
    public async Task Join_any_goes_on_with_the_first_arrival_and_cancels_the_other_branch()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.TwoWaits("any"));
        var id = await harness.StartAsync("c1");

        await harness.EventsAsync("c1", "email_open");

        Assert.Equal("after", (await Parent(harness, id)).CurrentActivityId);
        var other = Assert.Single(await harness.InstancesAsync(), i => i.ParentInstanceId == id && i.CurrentActivityId == "click");
        Assert.Equal((WorkflowInstanceStatus.Cancelled, (string?)null, (string?)null), (other.Status, other.Bookmark, other.WaitingForEvent));
        Assert.Contains(await harness.StepsAsync(other.Id), s => s.ActivityType == "cancelled" && s.Summary.Contains("first branch to arrive", StringComparison.Ordinal));
        Assert.Equal(0, await harness.EventsAsync("c1", "ad_click")); // the cancelled branch no longer waits
        Assert.Single(await harness.StepsAsync(id), s => s.ActivityId == "join");
    }

    [Fact]
    public async Task A_branch_that_ends_at_an_end_counts_as_settled_for_join_all()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.TwoWaits("all", rightEnds: true));
        var id = await harness.StartAsync("c1");
        Assert.Contains(await harness.InstancesAsync(), i => i.ParentInstanceId == id && i is { CurrentActivityId: "stop", Status: WorkflowInstanceStatus.Completed });

        await harness.EventsAsync("c1", "email_open");

        Assert.Equal("after", (await Parent(harness, id)).CurrentActivityId);
        Assert.Equal("1 of 2 branches arrived", Assert.Single(await harness.StepsAsync(id), s => s.ActivityId == "join").Summary);
    }

    [Fact]
    public async Task Nested_forks_join_inside_out()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.Nested());
        var id = await harness.StartAsync("c1");
        Assert.Equal(5, (await harness.InstancesAsync()).Count); // the entry, a and b, and a's x and y

        await harness.EventsAsync("c1", "email_open");
        Assert.Equal("fork:outer", (await Parent(harness, id)).Bookmark);
        await harness.EventsAsync("c1", "ad_click");

        var all = await harness.InstancesAsync();
        Assert.Equal("after", Assert.Single(all, i => i.Id == id).CurrentActivityId);
        var a = Assert.Single(all, i => i.ParentInstanceId == id && i.CurrentActivityId == "outerJoin" && all.Any(g => g.ParentInstanceId == i.Id));
        Assert.Equal(WorkflowInstanceStatus.Completed, a.Status);
        Assert.Single(await harness.StepsAsync(a.Id), s => s.ActivityId == "innerJoin" && s.Port == "done");
        Assert.Single(await harness.StepsAsync(id), s => s.ActivityId == "outerJoin" && s.Summary == "2 of 2 branches arrived");
    }

    [Fact]
    public async Task Two_branches_settling_in_two_transactions_conflict_and_the_retry_goes_on_once()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.TwoWaits("all"));
        var id = await harness.StartAsync("c1");

        // Two engine processes, each resuming one branch: neither sees the other's arrival before it commits.
        await using (var first = harness.Db())
        await using (var second = harness.Db())
        {
            await harness.ResumeWaitingAsync(first, "c1", "email_open");
            await harness.ResumeWaitingAsync(second, "c1", "ad_click");
            await first.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        }

        Assert.Equal("fork:fork", (await Parent(harness, id)).Bookmark); // without the retry the last arrival would be lost
        Assert.Equal(1, await harness.EventsAsync("c1", "ad_click")); // the consumer's retry

        Assert.Equal("after", (await Parent(harness, id)).CurrentActivityId);
        Assert.Single(await harness.StepsAsync(id), s => s.ActivityId == "join");
    }

    [Fact]
    public async Task Dry_run_runs_every_branch_to_the_join_and_counts_the_join_once()
    {
        await using var harness = await WorkflowHarness.CreateAsync(ForkJoinDefinitions.TwoWaits("all"));

        var recorder = await harness.SimulateAsync("c1");

        Assert.Equal(1, recorder.Entered["fork"]);
        Assert.Equal(new Dictionary<string, int> { ["left"] = 1, ["right"] = 1 }, recorder.Ports["fork"]);
        Assert.Equal((1, 1), (recorder.Entered["open"], recorder.Ports["open"]["timeout"]));
        Assert.Equal((1, 1), (recorder.Entered["click"], recorder.Ports["click"]["timeout"]));
        Assert.Equal((1, 1), (recorder.Entered["join"], recorder.Ports["join"]["done"]));
        Assert.Equal(1, recorder.Entered["after"]);
        Assert.Empty(await harness.InstancesAsync());
    }

    private static async Task<WorkflowInstance> Parent(WorkflowHarness harness, Guid id) => Assert.Single(await harness.InstancesAsync(), i => i.Id == id);
}
