using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Quarantine;

/// <summary>
/// The batch's part in the quarantine: customers set aside leave the batch (their events are listed, in the batch's
/// transaction, as skipped), and customers whose retry was asked for get every skipped event back, ahead of their new ones.
/// </summary>
public sealed class QuarantineStage(CustomerQuarantine quarantine)
{
    // Retries handed to one batch: a retry refolds the customer's whole history, so a flood of them waits its turn.
    private const int RetriesPerBatch = 100;

    /// <summary>What this batch set aside and what it gave back.</summary>
    public sealed class Plan
    {
        public static readonly Plan None = new();

        public List<StoredEvent> SetAside { get; } = [];

        public HashSet<string> Released { get; } = new(StringComparer.Ordinal);

        public bool IsEmpty => SetAside.Count == 0 && Released.Count == 0;
    }

    public Task<IReadOnlyDictionary<string, CustomerQuarantine.Held>> HeldAsync(ProcessingBatch batch, CancellationToken cancellationToken) =>
        quarantine.CurrentAsync(batch.Db, cancellationToken);

    /// <summary>Takes the held customers out of <paramref name="customers"/> and gives the released ones their events back.</summary>
    public async Task<Plan> ApplyAsync(ProcessingBatch batch, IReadOnlyDictionary<string, CustomerQuarantine.Held> held, List<BatchCustomer> customers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(customers);
        if (held.Count == 0)
        {
            return Plan.None;
        }

        var plan = new Plan();
        var released = held.Where(h => h.Value.Retry && batch.Holds(h.Key)).Take(RetriesPerBatch).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        customers.RemoveAll(c =>
        {
            if (!held.ContainsKey(c.CustomerId) || released.ContainsKey(c.CustomerId))
            {
                return false;
            }

            plan.SetAside.AddRange(c.Events);
            return true;
        });
        if (released.Count == 0)
        {
            return plan;
        }

        var db = batch.Db;
        var ids = released.Keys.ToArray();
        var sequences = await db.QuarantinedEvents.AsNoTracking().Where(q => EF.Parameter(ids).Contains(q.CustomerId)).Select(q => q.Sequence).ToArrayAsync(cancellationToken);
        var events = new List<StoredEvent>();
        foreach (var chunk in sequences.Chunk(5000))
        {
            events.AddRange(await db.Events.AsNoTracking().Where(e => EF.Parameter(chunk).Contains(e.Sequence)).ToListAsync(cancellationToken));
        }

        var byId = customers.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        foreach (var returned in batch.Group([.. events.OrderBy(e => e.Sequence)]))
        {
            if (byId.TryGetValue(returned.CustomerId, out var current))
            {
                // The skipped events are older than any of this batch's: they come first.
                current.Events.InsertRange(0, returned.Events);
            }
            else
            {
                customers.Add(returned);
            }
        }

        foreach (var (id, entry) in released)
        {
            plan.Released.Add(id);
            quarantine.HandedOut(id, entry);
        }

        return plan;
    }

    /// <summary>In the batch's transaction: the skipped events listed, the released customers' entries removed.</summary>
    public static async Task WriteAsync(AutomationDbContext db, Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsEmpty)
        {
            return;
        }

        db.QuarantinedEvents.AddRange(plan.SetAside.Select(e => new QuarantinedEvent { Sequence = e.Sequence, CustomerId = e.CustomerId }));
        if (plan.Released.Count > 0)
        {
            var ids = plan.Released.ToArray();
            await db.QuarantinedEvents.Where(q => EF.Parameter(ids).Contains(q.CustomerId)).ExecuteDeleteAsync(cancellationToken);
            await db.QuarantinedCustomers.Where(q => EF.Parameter(ids).Contains(q.CustomerId)).ExecuteDeleteAsync(cancellationToken);
        }
    }
}
