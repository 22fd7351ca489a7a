using System.Text.Json;
using Automation.Engine.Actions;
using Automation.Engine.Messaging;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk;
using Automation.Storage.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Activities;

[Activity("action", "Act", "Action", "Hands an action (email, ad audience, sales alert, …) to its connector plugin after the guards; waits for the outcome", Ports = ["done", "failed", "skipped", "rejected"], Waits = true)]
public sealed class ActionActivity : Activity<ActionSettings>
{
    protected override async Task<ActivityOutcome> ExecuteAsync(ActivityContext context, ActionSettings settings, CancellationToken cancellationToken)
    {
        if (context.Simulation is { } simulation)
        {
            // The live pipeline sends every budget-affecting action to the approvers; the dry run counts them the same way.
            var known = context.Services.Actions.TryGet(settings.Action, out var action) ? action.Descriptor : null;
            simulation.RecordAction(settings.Action, known?.EstimatedCost ?? 0, known?.BudgetAffecting ?? false);
            return ActivityOutcome.Continue("done", $"would dispatch {settings.Action}");
        }

        var trigger = context.Trigger;
        var request = new DispatchRequest(
            settings.Action,
            settings.Input ?? JsonSerializer.SerializeToElement(new { }),
            context.Instance.CustomerId,
            context.Profile,
            $"{context.Instance.Id:N}:{context.Activity.Id}:{await context.VisitAsync(cancellationToken)}",
            new ActionContext(context.Definition.Id, context.Instance.Version, trigger?.Segment, trigger?.Reasons ?? []),
            context.Instance.Id,
            context.Activity.Id,
            context.Db.Entry(context.Instance).State == EntityState.Added);
        var record = await context.Services.Dispatch.RequestAsync(context.Db, request, context.Now, cancellationToken);
        return record.Status switch
        {
            ActionStatus.Skipped => ActivityOutcome.Continue("skipped", $"{settings.Action} skipped: {record.Detail}"),
            ActionStatus.Failed => ActivityOutcome.Continue("failed", $"{settings.Action} failed: {record.LastError}"),
            ActionStatus.Rejected => ActivityOutcome.Continue("rejected", $"{settings.Action} rejected"),
            ActionStatus.Completed => ActivityOutcome.Continue("done", $"{settings.Action} completed"),
            ActionStatus.AwaitingApproval => ActivityOutcome.Suspend(new Bookmark($"action:{record.Id}"), $"{settings.Action} waits for approval"),
            ActionStatus.Held => ActivityOutcome.Suspend(new Bookmark($"action:{record.Id}"), $"{settings.Action} held until {record.HeldUntil:u}"),
            _ => ActivityOutcome.Suspend(new Bookmark($"action:{record.Id}"), $"{settings.Action} dispatched"),
        };
    }

    protected override IEnumerable<(string Field, string Message)> Validate(ActionSettings settings, ValidationServices services)
    {
        if (string.IsNullOrWhiteSpace(settings.Action))
        {
            yield return ("action", "choose the action to carry out");
            yield break;
        }

        if (!services.Actions.TryGet(settings.Action, out var action))
        {
            yield return ("action", $"no loaded plugin provides the action type '{settings.Action}'");
            yield break;
        }

        foreach (var problem in ActionInputSchemas.Validate(action, settings.Input))
        {
            yield return problem;
        }
    }
}
