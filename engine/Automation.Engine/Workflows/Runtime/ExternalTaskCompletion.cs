using Automation.Engine.Workflows.Activities;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>An external system says an externalTask step is done: the instance waiting there goes on.</summary>
public sealed class ExternalTaskCompletion(IDbContextFactory<AutomationDbContext> databases, InstanceResumer resumer, TimeProvider clock)
{
    /// <summary>False when no instance waits at that step (unknown, already completed, or not there yet).</summary>
    public async Task<bool> CompleteAsync(Guid instanceId, string activityId, string? by, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var resumed = await resumer.ResumeByBookmarkAsync(db, instanceId, ExternalTask.BookmarkOf(activityId), "done", $"task completed{(string.IsNullOrEmpty(by) ? "" : " by " + by)}", clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (resumed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return resumed;
    }
}
