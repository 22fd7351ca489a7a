namespace Automation.Integration.Tests.Faults;

/// <summary>
/// One drill's outcome: its counts after recovery, how far the emails had got when the fault struck, its length, and
/// the end of the engine's log (for a failure's message).
/// </summary>
public sealed record DrillReport(string Fault, DrillCounts Counts, int EmailsAtFault, int EmailsWhenFaultEnded, int RefusedPosts, TimeSpan Took, string LogTail)
{
    /// <summary>Every customer got their email and every action and instance completed: nothing lost, nothing stuck.</summary>
    public void AssertNothingLostOrStuck(int customers)
    {
        var c = Counts;
        Assert.True(c.Accepted == customers * 2 && c.Stored == c.Accepted, $"events: {this}\n{LogTail}");
        Assert.True(c.ActionsByStatus.Values.Sum() == customers && c.Completed == customers, $"actions: {this}\n{LogTail}");
        Assert.True(c.InstancesCompleted == customers, $"instances: {this}\n{LogTail}");
        Assert.True(c.Recipients == customers, $"recipients: {this}\n{LogTail}");
        Assert.True(c.ErrorQueueMessages == 0, $"error queues: {this}\n{LogTail}");
    }

    public override string ToString() =>
        $"{Fault}: fault struck after {EmailsAtFault} emails, {EmailsWhenFaultEnded} when it ended, {RefusedPosts} posts refused and re-posted; " +
        $"{Counts}; drill took {Took.TotalSeconds:0} s";
}
