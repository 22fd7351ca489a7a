using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Engine.Audit;
using Automation.Engine.Messaging;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Dispatch;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Privacy;

/// <summary>
/// Erases a customer in one transaction: their events, profile, memberships and aliases go; the records others still
/// count on (actions and budgets, approvals and their audit trail, instances and their paths, suppressions) stay with
/// the customer id replaced by a pseudonym (<see cref="CustomerPseudonyms"/>) and every field that may carry personal
/// details (contact data in guard reasons, summaries, comments, inputs) redacted. A suppression of the customer's
/// address or id keeps only its hash, so the opt-out still holds. Freed bytes are overwritten by the storage itself
/// (SQLite's secure_delete); the caller owns the writer and the files around it.
/// </summary>
public sealed class CustomerErasure(CustomerPseudonyms pseudonyms, TimeProvider clock)
{
    /// <summary>What redacted text fields say instead.</summary>
    public const string Redacted = "erased";

    private static readonly ActionStatus[] Open = [ActionStatus.Pending, ActionStatus.AwaitingApproval, ActionStatus.Held];

    /// <summary>
    /// Erases the customer; <paramref name="held"/> is the profile the engine holds in memory, which may know a newer
    /// address than the stored row. Returns null, and changes nothing, when the engine knows no such customer.
    /// </summary>
    public async Task<ErasureResult?> EraseAsync(AutomationDbContext db, string customerId, CustomerProfile? held, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Profiles.AsNoTracking().Where(p => p.CustomerId == customerId).Select(p => p.Email).ToListAsync(cancellationToken);
        var events = await EventCustomerRows.DeleteAsync(db, customerId, cancellationToken);
        if (stored.Count + events == 0 && held is null)
        {
            return null;
        }

        var pseudonym = await pseudonyms.PseudonymAsync(db, customerId, cancellationToken);
        var removed = new ErasureRemoved(
            Profile: await db.Profiles.Where(p => p.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken) > 0,
            Events: events,
            Memberships: await db.SegmentMemberships.Where(m => m.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken),
            PendingActions: await db.Actions.Where(a => a.CustomerId == customerId && Open.Contains(a.Status)).ExecuteDeleteAsync(cancellationToken),
            LinkedAnonymousIds: await db.CustomerAliases.Where(a => a.CustomerId == customerId || a.AliasId == customerId).ExecuteDeleteAsync(cancellationToken),
            OutboxMessages: await DeleteOutboxAsync(db, customerId, cancellationToken));
        await db.Approvals.Where(a => a.CustomerId == customerId && a.Status == ApprovalStatus.Pending).ExecuteDeleteAsync(cancellationToken);
        await db.CustomerTags.Where(t => t.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var subjects = new List<string> { $"customer/{customerId}" };
        var actions = await PseudonymizeActionsAsync(db, customerId, pseudonym, subjects, cancellationToken);
        var approvals = await db.Approvals.Where(a => a.CustomerId == customerId).Select(a => a.Id).ToListAsync(cancellationToken);
        subjects.AddRange(approvals.Select(id => $"approval/{id}"));
        await db.Approvals.Where(a => a.CustomerId == customerId).ExecuteUpdateAsync(
            s => s.SetProperty(a => a.CustomerId, pseudonym).SetProperty(a => a.ReasonsJson, "[]")
                .SetProperty(a => a.Comment, a => a.Comment == null ? null : Redacted),
            cancellationToken);
        var (instances, steps) = await PseudonymizeInstancesAsync(db, customerId, pseudonym, now, cancellationToken);
        var suppressions = await ForgetSuppressedAsync(db, customerId, [.. stored, held?.Email], subjects, cancellationToken);
        var audit = await db.Audit.Where(e => subjects.Contains(e.Subject)).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Subject, e => e.Subject.StartsWith("customer/") ? $"customer/{pseudonym}" : e.Subject)
                .SetProperty(e => e.Detail, $"{Redacted} with customer {pseudonym}"),
            cancellationToken);

        var result = new ErasureResult(pseudonym, removed, new ErasurePseudonymized(actions, approvals.Count, instances, steps, audit, suppressions));
        AuditLog.Write(db, actor, "customer.erased", $"customer/{pseudonym}", $"{events} events, {removed.PendingActions} pending actions removed; {actions} actions, {approvals.Count} approvals, {instances} instances pseudonymized", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Bus messages about the customer not yet sent (a snapshot in a dispatch carries their address).</summary>
    private static Task<int> DeleteOutboxAsync(AutomationDbContext db, string customerId, CancellationToken cancellationToken)
    {
        // The id as the message bodies spell it, quotes included, so that "c1" does not match "c10".
        var quoted = JsonSerializer.Serialize(customerId, MessageTypes.Json);
        return db.Outbox.Where(m => m.Body.Contains(quoted)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The dispatch log keeps each action's kind, verdicts and outcome; what it said about the customer goes.</summary>
    private static async Task<int> PseudonymizeActionsAsync(AutomationDbContext db, string customerId, string pseudonym, List<string> subjects, CancellationToken cancellationToken)
    {
        var actions = await db.Actions.Where(a => a.CustomerId == customerId).ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            action.CustomerId = pseudonym;
            action.InputJson = "{}";
            action.ContextJson = "{}";
            action.GuardResultsJson = RedactReasons(action.GuardResultsJson);
            action.Detail = action.Detail is null ? null : Redacted;
            action.LastError = action.LastError is null ? null : Redacted;
            subjects.Add($"action/{action.Id}");
        }

        var keys = actions.Select(a => a.IdempotencyKey).ToList();
        await db.ProcessedDispatches.Where(p => keys.Contains(p.IdempotencyKey) && p.Detail != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Detail, Redacted), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return actions.Count;
    }

    private static async Task<(int Instances, int Steps)> PseudonymizeInstancesAsync(AutomationDbContext db, string customerId, string pseudonym, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var mine = db.WorkflowInstances.Where(i => i.CustomerId == customerId);
        await mine.Where(i => i.Status == WorkflowInstanceStatus.Waiting || i.Status == WorkflowInstanceStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Cancelled).SetProperty(i => i.ActiveKey, (string?)null).SetProperty(i => i.EndedAt, nowUtc), cancellationToken);
        var steps = await db.WorkflowSteps.Where(st => mine.Select(i => i.Id).Contains(st.InstanceId))
            .ExecuteUpdateAsync(s => s.SetProperty(st => st.Summary, Redacted), cancellationToken);
        var instances = await mine.ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, pseudonym).SetProperty(i => i.TriggerJson, "{}"), cancellationToken);
        return (instances, steps);
    }

    /// <summary>Suppressions of the customer's id or addresses keep their hash; the id or address shown and the free-text reason go.</summary>
    private async Task<int> ForgetSuppressedAsync(AutomationDbContext db, string customerId, IEnumerable<string?> addresses, List<string> subjects, CancellationToken cancellationToken)
    {
        var hashes = new List<string> { await pseudonyms.CustomerHashAsync(db, customerId, cancellationToken) };
        foreach (var address in addresses.Select(Suppressions.Normalize).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            hashes.Add(await pseudonyms.AddressHashAsync(db, address, cancellationToken));
        }

        var entries = db.Suppressions.Where(s => (s.CustomerIdHash != null && hashes.Contains(s.CustomerIdHash)) || (s.AddressHash != null && hashes.Contains(s.AddressHash)));
        subjects.AddRange((await entries.Select(s => s.Id).ToListAsync(cancellationToken)).Select(id => $"suppression/{id}"));
        return await entries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Address, (string?)null).SetProperty(e => e.CustomerId, (string?)null).SetProperty(e => e.Reason, ""), cancellationToken);
    }

    private static string RedactReasons(string guardResultsJson)
    {
        if (JsonNode.Parse(guardResultsJson) is not JsonArray results)
        {
            return "[]";
        }

        foreach (var result in results.OfType<JsonObject>())
        {
            result["reason"] = Redacted;
        }

        return results.ToJsonString();
    }
}
