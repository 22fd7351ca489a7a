using Automation.Storage;
using Automation.Storage.Profiles;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>Wakes waiting instances by bookmark: an action's outcome, an approval decision, an event, a timer.</summary>
public sealed class InstanceResumer(DefinitionCache definitions, WorkflowRunner runner)
{
    /// <summary>Resumes the instance waiting on exactly this bookmark, if any is still waiting on it; <paramref name="profiles"/> holds customers' profiles the caller read for a batch.</summary>
    public async Task<bool> ResumeByBookmarkAsync(
        AutomationDbContext db, Guid? instanceId, string bookmark, string port, string summary, DateTime nowUtc, CancellationToken cancellationToken, IReadOnlyDictionary<string, CustomerProfile>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (instanceId is null)
        {
            return false;
        }

        // Find: a caller that preloaded the batch's instances (outcomes) is served from the identity map.
        var instance = await db.WorkflowInstances.FindAsync([instanceId.Value], cancellationToken);
        if (instance is null || instance.Bookmark != bookmark || instance.Status != WorkflowInstanceStatus.Waiting)
        {
            return false;
        }

        await ResumeAsync(db, instance, port, summary, nowUtc, cancellationToken, profiles?.GetValueOrDefault(instance.CustomerId));
        return true;
    }

    /// <summary>Resumes the instance; <paramref name="profile"/> is the customer's profile when the caller already holds it (event processing).</summary>
    public async Task ResumeAsync(AutomationDbContext db, WorkflowInstance instance, string port, string summary, DateTime nowUtc, CancellationToken cancellationToken, CustomerProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Status != WorkflowInstanceStatus.Waiting)
        {
            return; // it stopped waiting in this unit of work: a join went on without this branch and cancelled it
        }

        var definition = await definitions.GetAsync(db, instance.WorkflowId, instance.Version, cancellationToken);
        if (definition is null)
        {
            WorkflowRunner.Finish(instance, WorkflowInstanceStatus.Faulted, nowUtc);
            return;
        }

        // Find looks in the identity map first (O(1)), then the database.
        profile ??= await db.Profiles.FindAsync([instance.CustomerId], cancellationToken);
        await runner.ResumeAsync(db, definition, instance, port, summary, profile, nowUtc, cancellationToken);
    }

    /// <summary>The port a bookmark's due time leads to.</summary>
    public static string TimeoutPort(string? bookmark) => bookmark switch
    {
        "timer" => "done",
        { } b when b.StartsWith("event:", StringComparison.Ordinal) => "timeout",
        { } b when b.StartsWith("approval:", StringComparison.Ordinal) => "rejected",
        _ => "done",
    };
}
