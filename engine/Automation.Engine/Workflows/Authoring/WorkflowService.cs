using Automation.Engine.Audit;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Goals;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Authoring;

/// <summary>
/// Drafts, publishing and switching workflows on and off. A published version is frozen: edits make a new draft,
/// and running instances finish on the version they started on.
/// </summary>
public sealed class WorkflowService(IDbContextFactory<AutomationDbContext> databases, IValidator<WorkflowDefinition> validator, DefinitionCache cache, PublishedTriggers triggers, GoalWorkflows goals, TimeProvider clock)
{
    public async Task<IReadOnlyList<DefinitionProblem>> ValidateAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = WorkflowDefinitionValidator.Problems(await validator.ValidateAsync(definition, cancellationToken)).ToList();
        if (definition.Trigger is { Type: TriggerTypes.SegmentEntered or TriggerTypes.SegmentExited, Segment: { Length: > 0 } segment })
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            if (!await db.Segments.AnyAsync(s => s.Key == segment, cancellationToken))
            {
                problems.Add(new DefinitionProblem("trigger.segment", $"there is no segment '{segment}'"));
            }
        }

        return problems;
    }

    /// <summary>Saves the definition as the workflow's draft (a new version after a published one).</summary>
    public async Task<SaveResult> SaveDraftAsync(WorkflowDefinition definition, string actor, bool mustBeNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = await ValidateAsync(definition, cancellationToken);
        if (problems.Count > 0)
        {
            return SaveResult.Refused(definition.Id, problems);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == definition.Id, cancellationToken);
        if (workflow is not null && mustBeNew)
        {
            return SaveResult.Refused(definition.Id, [new DefinitionProblem("id", $"a workflow called '{definition.Id}' already exists")]);
        }

        if (workflow is null)
        {
            workflow = new WorkflowRecord { Id = definition.Id, Name = definition.Name, Enabled = true };
            db.Workflows.Add(workflow);
        }

        var latest = await db.WorkflowVersions.Where(v => v.WorkflowId == definition.Id).OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        WorkflowVersionRecord draft;
        if (latest is { Status: WorkflowVersionStatus.Draft })
        {
            draft = latest;
            cache.Forget(draft.WorkflowId, draft.Version);
        }
        else
        {
            draft = new WorkflowVersionRecord
            {
                WorkflowId = definition.Id,
                Version = (latest?.Version ?? 0) + 1,
                DefinitionJson = "",
                TriggerType = "",
                Status = WorkflowVersionStatus.Draft,
                CreatedBy = actor,
                CreatedAt = now,
            };
            db.WorkflowVersions.Add(draft);
        }

        var stored = definition with { Version = draft.Version };
        draft.DefinitionJson = WorkflowJson.Write(stored);
        draft.TriggerType = stored.Trigger!.Type;
        draft.TriggerKey = stored.Trigger.KeyFor(stored.Id);
        draft.CreatedBy = actor;
        draft.CreatedAt = now;
        workflow.Name = stored.Name;
        workflow.LatestVersion = draft.Version;
        AuditLog.Write(db, actor, "workflow.saved", $"workflow/{definition.Id}", $"draft v{draft.Version}", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SaveResult(definition.Id, draft.Version, [], []);
    }

    /// <summary>Publishes the latest draft: it becomes the version new instances start on.</summary>
    public async Task<SaveResult?> PublishAsync(string workflowId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == workflowId, cancellationToken);
        if (workflow is null)
        {
            return null;
        }

        var versions = await db.WorkflowVersions.Where(v => v.WorkflowId == workflowId).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        var draft = versions.FirstOrDefault();
        if (draft is null || draft.Status != WorkflowVersionStatus.Draft)
        {
            return SaveResult.Refused(workflowId, [new DefinitionProblem("version", $"there is no draft to publish; version {draft?.Version} is already published")]);
        }

        var definition = WorkflowJson.Parse(draft.DefinitionJson);
        var problems = await ValidateAsync(definition, cancellationToken);
        if (problems.Count > 0)
        {
            return SaveResult.Refused(workflowId, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var published = versions.FirstOrDefault(v => v.Status == WorkflowVersionStatus.Published);
        var changes = DefinitionDiff.Describe(published is null ? null : WorkflowJson.Parse(published.DefinitionJson), definition);
        if (published is not null)
        {
            published.Status = WorkflowVersionStatus.Superseded;
        }

        draft.Status = WorkflowVersionStatus.Published;
        draft.PublishedBy = actor;
        draft.PublishedAt = now;
        workflow.PublishedVersion = draft.Version;
        AuditLog.Write(db, actor, "workflow.published", $"workflow/{workflowId}", $"v{draft.Version}: {string.Join("; ", changes)}", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        triggers.Invalidate();
        goals.Invalidate();
        return new SaveResult(workflowId, draft.Version, [], changes);
    }

    public async Task<bool> SetEnabledAsync(string workflowId, bool enabled, string actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var workflow = await db.Workflows.FirstOrDefaultAsync(w => w.Id == workflowId, cancellationToken);
        if (workflow is null)
        {
            return false;
        }

        workflow.Enabled = enabled;
        AuditLog.Write(db, actor, enabled ? "workflow.enabled" : "workflow.disabled", $"workflow/{workflowId}", "", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        triggers.Invalidate();
        return true;
    }
}
