using System.Text.Json;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Profiles;

/// <summary>
/// Applies identify events before a batch is folded into profiles: links each anonymous id to its customer,
/// re-attributes the anonymous history (stored and in the batch) to the customer, and erases the anonymous
/// profile and memberships. Returns the customers whose profiles must be recomputed from their events.
/// </summary>
public static class IdentityLinker
{
    public const string AnonymousIdProperty = "anonymousId";

    /// <summary>
    /// Links the batch's identities. With <paramref name="readOnly"/>, returns null instead when linking would write
    /// (a new link, or an event under an id linked earlier), so that the caller can do it inside its transaction.
    /// Only <paramref name="unknown"/>, when given, of the batch's customer ids may be aliases: the caller knows the rest
    /// to have a profile of their own, so their links are not looked up (a write-behind store knows most of a backlog's
    /// customers). Every anonymous id an identify event names is looked up.
    /// </summary>
    public static async Task<IdentityLinks?> LinkAsync(AutomationDbContext db, List<StoredEvent> batch, DateTime now, CancellationToken cancellationToken, bool readOnly = false, IEnumerable<string>? unknown = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var named = (unknown ?? batch.Select(e => e.CustomerId)).Concat(batch.Select(AnonymousIdOf).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);

        // One index probe spares a first import (or an engine that never linked an identity) a hundred-thousand-id lookup.
        var aliases = named.Count > 0 && await db.CustomerAliases.AnyAsync(cancellationToken);
        foreach (var chunk in aliases ? named.Chunk(5000) : [])
        {
            foreach (var alias in await db.CustomerAliases.AsNoTracking().Where(a => EF.Parameter(chunk).Contains(a.AliasId)).ToListAsync(cancellationToken))
            {
                links[alias.AliasId] = alias.CustomerId;
            }
        }

        var merged = new List<(string Anonymous, string Customer)>();
        foreach (var e in batch)
        {
            var customer = Resolve(links, e.CustomerId);
            if (AnonymousIdOf(e) is { } anonymous && !links.ContainsKey(anonymous) && anonymous != customer)
            {
                // The first link of an anonymous id wins; a later identify naming it again changes nothing.
                links[anonymous] = customer;
                merged.Add((anonymous, customer));
            }
        }

        if (readOnly && (merged.Count > 0 || batch.Any(e => Resolve(links, e.CustomerId) != e.CustomerId)))
        {
            return null;
        }

        var rebuild = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (anonymous, customer) in merged)
        {
            await MergeAsync(db, anonymous, Resolve(links, customer), now, cancellationToken);
            rebuild.Add(Resolve(links, customer));
        }

        // Events of the batch sent under an anonymous id linked earlier belong to its customer, in the log too.
        var moved = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        foreach (var e in batch)
        {
            var customer = Resolve(links, e.CustomerId);
            if (customer != e.CustomerId)
            {
                e.CustomerId = customer;
                (moved.TryGetValue(customer, out var list) ? list : moved[customer] = []).Add(e.Sequence);
            }
        }

        foreach (var (customer, sequences) in moved)
        {
            foreach (var chunk in sequences.Chunk(1000))
            {
                await db.Events.Where(e => EF.Parameter(chunk).Contains(e.Sequence)).ExecuteUpdateAsync(s => s.SetProperty(e => e.CustomerId, customer), cancellationToken);
            }
        }

        return new IdentityLinks(rebuild, [.. merged.Select(m => m.Anonymous)]);
    }

    /// <summary>The anonymous id an identify event links, when it names one.</summary>
    public static string? AnonymousIdOf(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Type != EventTypes.Identify || e.PropertiesJson is null || !e.PropertiesJson.Contains(AnonymousIdProperty, StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(e.PropertiesJson);
        return document.RootElement.TryGetProperty(AnonymousIdProperty, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id
            ? id
            : null;
    }

    private static async Task MergeAsync(AutomationDbContext db, string anonymous, string customer, DateTime now, CancellationToken cancellationToken)
    {
        db.CustomerAliases.Add(new CustomerAlias { AliasId = anonymous, CustomerId = customer, LinkedAt = now });
        await db.CustomerAliases.Where(a => a.CustomerId == anonymous).ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerId, customer), cancellationToken);
        await EventCustomerRows.MoveAsync(db, anonymous, customer, cancellationToken);
        foreach (var membership in await db.SegmentMemberships.Where(m => m.CustomerId == anonymous).ToListAsync(cancellationToken))
        {
            db.SegmentMemberships.Remove(membership);
            OutboxWriter.Publish(db, new SegmentExited(anonymous, membership.SegmentKey, $"identified as {customer}; the history moved to that customer", now), now);
        }

        await db.Profiles.Where(p => p.CustomerId == anonymous).ExecuteDeleteAsync(cancellationToken);
        await MoveInstancesAsync(db, anonymous, customer, now, cancellationToken);
    }

    /// <summary>
    /// Running and waiting instances follow the history to the customer, so a waitForEvent resumes on the customer's
    /// events. Where the customer already has an active instance of the same workflow, theirs is kept and the
    /// anonymous one is cancelled (one active instance per customer and workflow).
    /// </summary>
    private static async Task MoveInstancesAsync(AutomationDbContext db, string anonymous, string customer, DateTime now, CancellationToken cancellationToken)
    {
        var active = db.WorkflowInstances.Where(i => i.CustomerId == anonymous && (i.Status == WorkflowInstanceStatus.Waiting || i.Status == WorkflowInstanceStatus.Running));
        var customersWorkflows = db.WorkflowInstances.Where(c => c.CustomerId == customer && c.ActiveKey != null).Select(c => c.WorkflowId);
        await active.Where(i => customersWorkflows.Contains(i.WorkflowId)).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.Status, WorkflowInstanceStatus.Cancelled).SetProperty(i => i.ActiveKey, (string?)null).SetProperty(i => i.EndedAt, now),
            cancellationToken);
        // Only the instance that entered holds the one-active-instance key; a fork's branches follow it without one.
        await active.Where(i => i.ParentInstanceId != null).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, customer), cancellationToken);
        await active.ExecuteUpdateAsync(
            s => s.SetProperty(i => i.CustomerId, customer).SetProperty(i => i.ActiveKey, i => i.WorkflowId + "|" + customer),
            cancellationToken);
    }

    private static string Resolve(Dictionary<string, string> links, string id)
    {
        // Links may chain (anonymous → visitor → customer); the hop limit guards against a cycle.
        for (var hops = 0; hops < 8 && links.TryGetValue(id, out var next); hops++)
        {
            id = next;
        }

        return id;
    }
}
