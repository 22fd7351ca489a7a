using System.Security.Cryptography;
using System.Text;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Webhooks;

/// <summary>
/// A call to a workflow's inbound webhook: with the right secret it resumes the customer's instance when it waits for
/// the webhook (a waitForEvent on event "webhook"), or else brings the customer to the door, where the workflow starts
/// within its re-entry policy like on any other trigger.
/// </summary>
public sealed class InboundWebhook(
    IDbContextFactory<AutomationDbContext> databases, DefinitionCache definitions, WorkflowDoor door, InstanceResumer resumer, ProfileStore store, OutboxSignal outbox, TimeProvider clock)
{
    /// <summary>The event type a waitForEvent step names to wait for the workflow's webhook.</summary>
    public const string WaitEvent = "webhook";

    public async Task<WebhookReceipt> ReceiveAsync(string workflowId, string? secret, string customerId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var published = await (
            from w in db.Workflows.AsNoTracking()
            join v in db.WorkflowVersions.AsNoTracking() on new { w.Id, Version = w.PublishedVersion ?? 0 } equals new { Id = v.WorkflowId, v.Version }
            where w.Id == workflowId && w.Enabled && v.TriggerType == TriggerTypes.Webhook
            select v.Version).FirstOrDefaultAsync(cancellationToken);
        var definition = published == 0 ? null : await definitions.GetAsync(db, workflowId, published, cancellationToken);
        if (definition?.Trigger?.Secret is not { } expected)
        {
            return new WebhookReceipt(WebhookOutcome.NoSuchWebhook, null);
        }

        if (secret is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(expected)))
        {
            return new WebhookReceipt(WebhookOutcome.WrongSecret, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var profile = store.Current(customerId) ?? await db.Profiles.FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        var key = WorkflowStarter.ActiveKey(workflowId, customerId);
        var active = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.ActiveKey == key, cancellationToken);
        WebhookReceipt receipt;
        if (active is { Status: WorkflowInstanceStatus.Waiting, WaitingForEvent: WaitEvent })
        {
            await resumer.ResumeAsync(db, active, "event", "webhook called", now, cancellationToken, profile);
            receipt = new WebhookReceipt(WebhookOutcome.Resumed, active.Id);
        }
        else
        {
            var trigger = new TriggerInfo(TriggerTypes.Webhook, null, []);
            var started = await door.EnterAsync(db, new WorkflowEntry(TriggerTypes.Webhook, workflowId, trigger, customerId, profile, now), cancellationToken);
            receipt = started.Count > 0 ? new WebhookReceipt(WebhookOutcome.Started, started[0].Id) : new WebhookReceipt(WebhookOutcome.NotStarted, active?.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
        return receipt;
    }
}
