using Automation.Engine.Audit;
using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Workflows.Schedules;

/// <summary>
/// Starts every current member of a scheduled workflow's segment when its occurrence falls due, a page of members per
/// transaction, each through the door into workflows (re-entry policy, decisions, then the guards when its actions
/// dispatch). The occurrence and a cursor are stored before the first page, and the cursor moves with each page in
/// the page's own transaction: a restart carries on after the last committed page, and a fired occurrence never fires
/// again. A page claims its cursor with a conditional update, so a second process cannot start the same page.
/// </summary>
public sealed class ScheduledAudienceStarter(
    IDbContextFactory<AutomationDbContext> databases,
    AudienceEntrance entrance,
    ProfileWriteGate gate,
    OutboxSignal outbox,
    IOptions<AutomationOptions> options,
    TimeProvider clock)
{
    public const string Actor = "schedule";

    /// <summary>Starts the audiences of every scheduled workflow that is due; returns how many customers came to the door.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        List<WorkflowVersionRecord> scheduled;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            scheduled = await (
                from v in db.WorkflowVersions.AsNoTracking()
                join w in db.Workflows.AsNoTracking() on v.WorkflowId equals w.Id
                where v.Status == WorkflowVersionStatus.Published && w.Enabled && v.TriggerType == TriggerTypes.Schedule
                select v).ToListAsync(cancellationToken);
        }

        var started = 0;
        foreach (var version in scheduled)
        {
            var trigger = WorkflowJson.Parse(version.DefinitionJson).Trigger;
            if (trigger?.Segment is { } segment && await ClaimOccurrenceAsync(version, trigger, cancellationToken) is { } occurrence)
            {
                started += await StartOccurrenceAsync(version.WorkflowId, segment, occurrence, cancellationToken);
            }
        }

        return started;
    }

    /// <summary>The occurrence to start: one already under way (after a restart), or the one now due, stored as under way.</summary>
    private async Task<DateTime?> ClaimOccurrenceAsync(WorkflowVersionRecord version, TriggerDefinition trigger, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var run = await db.ScheduledTriggerRuns.FirstOrDefaultAsync(r => r.WorkflowId == version.WorkflowId, cancellationToken);
        if (run?.RunningOccurrence is { } running)
        {
            return running;
        }

        // A cron schedule starts with the occurrences after publishing; a one-off set in the past still fires, once.
        var after = run?.LastFiredOccurrence ?? (trigger.At is null ? version.PublishedAt ?? version.CreatedAt : DateTime.MinValue);
        var now = clock.GetUtcNow().UtcDateTime;
        if (AudienceSchedule.DueOccurrence(trigger, AudienceSchedule.Zone(options.Value.TimeZone), after, now) is not { } due)
        {
            return null;
        }

        if (run is null)
        {
            db.ScheduledTriggerRuns.Add(run = new ScheduledTriggerRun { WorkflowId = version.WorkflowId });
        }

        run.RunningOccurrence = due;
        run.RunningVersion = version.Version;
        run.Cursor = null;
        run.Started = 0;
        AuditLog.Write(db, Actor, "schedule.fired", $"workflow/{version.WorkflowId}", $"occurrence {due:u}: starting every member of {trigger.Segment}", now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return null; // another process claimed the first run at the same moment
        }

        return due;
    }

    private async Task<int> StartOccurrenceAsync(string workflowId, string segment, DateTime occurrence, CancellationToken cancellationToken)
    {
        var total = 0;
        while (await StartPageAsync(workflowId, segment, occurrence, cancellationToken) is { } page)
        {
            total += page;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var finished = await db.ScheduledTriggerRuns
            .Where(r => r.WorkflowId == workflowId && r.RunningOccurrence == occurrence)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastFiredOccurrence, occurrence).SetProperty(r => r.RunningOccurrence, (DateTime?)null).SetProperty(r => r.FinishedAt, now), cancellationToken);
        if (finished == 1)
        {
            var run = await db.ScheduledTriggerRuns.AsNoTracking().FirstAsync(r => r.WorkflowId == workflowId, cancellationToken);
            AuditLog.Write(db, Actor, "schedule.finished", $"workflow/{workflowId}", $"occurrence {occurrence:u}: {run.Started} members of {segment} came to the door", now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return total;
    }

    /// <summary>Brings the next page of members to the door; null when the occurrence has no members left (or another process has it).</summary>
    private async Task<int?> StartPageAsync(string workflowId, string segment, DateTime occurrence, CancellationToken cancellationToken)
    {
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Wait for (not skip) an event batch in progress: a start must not race it on a customer's instances.
        await db.LockUntilTransactionEndsAsync(DatabaseLock.ProfileWriters, null, cancellationToken);
        var cursor = await db.ScheduledTriggerRuns.AsNoTracking().Where(r => r.WorkflowId == workflowId && r.RunningOccurrence == occurrence)
            .Select(r => new { r.Cursor }).FirstOrDefaultAsync(cancellationToken);
        if (cursor is null)
        {
            return null;
        }

        var after = cursor.Cursor;
        var members = await AudienceEntrance.NextPageAsync(db, segment, after, cancellationToken);
        if (members.Count == 0)
        {
            return null;
        }

        // The conditional update is the claim: a process that lost the lead mid-run finds the cursor moved and stops.
        var last = members[^1].CustomerId;
        var claimed = await db.ScheduledTriggerRuns
            .Where(r => r.WorkflowId == workflowId && r.RunningOccurrence == occurrence && r.Cursor == after)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Cursor, last).SetProperty(r => r.Started, r => r.Started + members.Count), cancellationToken);
        if (claimed != 1)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await entrance.EnterAsync(
            db,
            workflowId,
            members,
            now,
            (member, reasons, profile) => new WorkflowEntry(TriggerTypes.Schedule, workflowId, new TriggerInfo(TriggerTypes.Schedule, segment, reasons), member.CustomerId, profile, now),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return members.Count;
    }
}
