using Automation.Engine.Audit;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Schedules;

/// <summary>
/// Publishing's "also start for the segment's current members": a workflow triggered by entering a segment otherwise
/// waits for the next customer to enter, and those already inside never start. Brings every current member to the door
/// a page per transaction, as a scheduled audience does, for this workflow only, under its re-entry policy.
/// </summary>
public sealed class CurrentMembersStarter(
    IDbContextFactory<AutomationDbContext> databases, AudienceEntrance entrance, ProfileWriteGate gate, OutboxSignal outbox, TimeProvider clock)
{
    public const string Field = "startCurrentMembers";

    /// <summary>Why the latest draft cannot start for current members (not a segment-entered trigger), or null when it can.</summary>
    public async Task<DefinitionProblem?> RefusalAsync(string workflowId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var latest = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId).OrderByDescending(v => v.Version).Select(v => v.DefinitionJson).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null; // publishing answers that there is no such workflow
        }

        return WorkflowJson.Parse(latest).Trigger is { Type: TriggerTypes.SegmentEntered, Segment: { Length: > 0 } }
            ? null
            : new DefinitionProblem(Field, "only a workflow triggered by entering a segment can start for the segment's current members");
    }

    /// <summary>Starts the published workflow for every current member of its segment; returns how many instances started.</summary>
    public async Task<int> StartAsync(string workflowId, string actor, CancellationToken cancellationToken)
    {
        string? segment;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var published = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == workflowId && v.Status == WorkflowVersionStatus.Published)
                .Select(v => v.DefinitionJson).FirstOrDefaultAsync(cancellationToken);
            segment = published is null ? null : WorkflowJson.Parse(published).Trigger is { Type: TriggerTypes.SegmentEntered } t ? t.Segment : null;
        }

        if (string.IsNullOrEmpty(segment))
        {
            return 0;
        }

        var started = 0;
        string? after = null;
        while (await StartPageAsync(workflowId, segment, after, cancellationToken) is { } page)
        {
            started += page.Started;
            after = page.Last;
        }

        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            AuditLog.Write(db, actor, "workflow.started-for-members", $"workflow/{workflowId}", $"{started} current members of {segment} started", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return started;
    }

    private async Task<(int Started, string Last)?> StartPageAsync(string workflowId, string segment, string? after, CancellationToken cancellationToken)
    {
        using var writing = await gate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Wait for (not skip) an event batch in progress: a start must not race it on a customer's instances.
        await db.LockUntilTransactionEndsAsync(DatabaseLock.ProfileWriters, null, cancellationToken);
        var members = await AudienceEntrance.NextPageAsync(db, segment, after, cancellationToken);
        if (members.Count == 0)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var started = await entrance.EnterAsync(
            db,
            workflowId,
            members,
            now,
            (member, reasons, profile) => new WorkflowEntry(TriggerTypes.SegmentEntered, segment, new TriggerInfo(TriggerTypes.SegmentEntered, segment, reasons), member.CustomerId, profile, now) { OnlyWorkflowId = workflowId },
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return (started, members[^1].CustomerId);
    }
}
