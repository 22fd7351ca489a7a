using System.Collections.Concurrent;
using System.Text.Json;
using Automation.Engine.Audit;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Processing.Quarantine;

/// <summary>
/// Customers whose events could not be processed, set aside so that everyone else's go on at once. A failure is
/// recorded with its stage, error, event ids and time; while a customer is set aside each batch skips their events and
/// lists them; a retry (a person's, or a new deployment's) gives the processor all of them back, in order.
/// </summary>
public sealed partial class CustomerQuarantine(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, ILogger<CustomerQuarantine> logger)
{
    /// <summary>How often the processor rereads the set (another process's failures and retries).</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    /// <summary>This build of the engine: entries set aside by another one are retried when it starts.</summary>
    public static readonly string EngineVersion = typeof(CustomerQuarantine).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ConcurrentQueue<CustomerFailedException> failures = new();

    // Retries handed to a batch whose write may still be going on: not handed out again until retried anew.
    private readonly ConcurrentDictionary<string, (int Attempts, DateTime? RequestedAt)> handedOut = new(StringComparer.Ordinal);
    private volatile IReadOnlyDictionary<string, Held> held = new Dictionary<string, Held>(StringComparer.Ordinal);
    private long refreshedAt = long.MinValue;
    private bool deploymentChecked;

    /// <summary>Counts while anything is set aside (readiness reports degraded).</summary>
    public int Count => held.Count;

    /// <summary>Notes a failure; it is recorded before the next batch (<see cref="SetAsidePendingAsync"/>).</summary>
    public void Fail(CustomerFailedException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        failures.Enqueue(failure);
        var copy = new Dictionary<string, Held>(held, StringComparer.Ordinal) { [failure.CustomerId] = new Held(int.MaxValue, null, Retry: false) };
        held = copy;
    }

    /// <summary>Records the failures noted since the last batch, each in its own row, and logs each once.</summary>
    public async Task SetAsidePendingAsync(CancellationToken cancellationToken)
    {
        if (failures.IsEmpty)
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var noted = new List<CustomerFailedException>();
        while (failures.TryDequeue(out var failure))
        {
            noted.Add(failure);
            var entry = await db.QuarantinedCustomers.FindAsync([failure.CustomerId], cancellationToken);
            if (entry is null)
            {
                entry = new QuarantinedCustomer { CustomerId = failure.CustomerId, Stage = "", Error = "", EventIdsJson = "[]", EngineVersion = EngineVersion, FirstFailedAt = now };
                db.QuarantinedCustomers.Add(entry);
            }

            var error = failure.InnerException ?? failure;
            entry.Stage = failure.Stage;
            entry.Error = Truncate($"{error.GetType().Name}: {error.Message}", 4000);
            entry.EventIdsJson = JsonSerializer.Serialize(failure.EventIds.Take(100));
            entry.LastFailedAt = now;
            entry.Attempts++;
            entry.EngineVersion = EngineVersion;
            entry.RetryRequested = false;
            entry.RetryRequestedAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var failure in noted)
        {
            LogSetAside(logger, failure.CustomerId, failure.Stage, failure.InnerException);
        }

        refreshedAt = long.MinValue;
    }

    /// <summary>
    /// The customers set aside, as of at most <see cref="RefreshInterval"/> ago. On the first call, those set aside by
    /// an earlier deployment are asked to be retried.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Held>> CurrentAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetTimestamp();
        if (refreshedAt != long.MinValue && clock.GetElapsedTime(refreshedAt, now) < RefreshInterval)
        {
            return held;
        }

        if (!deploymentChecked)
        {
            await RetryEarlierDeploymentsAsync(cancellationToken);
            deploymentChecked = true;
        }

        var rows = await db.QuarantinedCustomers.AsNoTracking().Select(q => new { q.CustomerId, q.Attempts, q.RetryRequested, q.RetryRequestedAt }).ToListAsync(cancellationToken);
        var fresh = new Dictionary<string, Held>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var retry = row.RetryRequested && !(handedOut.TryGetValue(row.CustomerId, out var given) && given == (row.Attempts, row.RetryRequestedAt));
            fresh[row.CustomerId] = new Held(row.Attempts, row.RetryRequestedAt, retry);
        }

        // Failures noted but not yet recorded stay set aside.
        foreach (var (id, entry) in held)
        {
            if (entry.Attempts == int.MaxValue && !fresh.ContainsKey(id))
            {
                fresh[id] = entry;
            }
        }

        held = fresh;
        refreshedAt = now;
        return fresh;
    }

    /// <summary>A batch takes the customer's retry: not handed out again unless it fails or is retried anew.</summary>
    public void HandedOut(string customerId, Held entry) => handedOut[customerId] = (entry.Attempts, entry.RetryRequestedAt);

    /// <summary>The customers set aside, with how many of their events wait.</summary>
    public async Task<IReadOnlyList<QuarantinedCustomerView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.QuarantinedCustomers.AsNoTracking().OrderBy(q => q.FirstFailedAt).ToListAsync(cancellationToken);
        var counts = await db.QuarantinedEvents.GroupBy(q => q.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. rows.Select(q => new QuarantinedCustomerView(
            q.CustomerId, q.Stage, q.Error, JsonSerializer.Deserialize<List<string>>(q.EventIdsJson) ?? [], counts.GetValueOrDefault(q.CustomerId),
            q.Attempts, q.FirstFailedAt, q.LastFailedAt, q.RetryRequested, q.RetryRequestedAt, q.EngineVersion != EngineVersion))];
    }

    /// <summary>Asks for the customer's events to be processed again (after a fix); false when they are not set aside.</summary>
    public async Task<bool> RetryAsync(string customerId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var entry = await db.QuarantinedCustomers.FindAsync([customerId], cancellationToken);
        if (entry is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        entry.RetryRequested = true;
        entry.RetryRequestedAt = now;
        AuditLog.Write(db, actor, "processing.retry", $"customer/{customerId}", $"retry after {entry.Attempts} failed attempts ({entry.Stage}: {Truncate(entry.Error, 200)})", now);
        await db.SaveChangesAsync(cancellationToken);
        refreshedAt = long.MinValue;
        return true;
    }

    private async Task RetryEarlierDeploymentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = await db.QuarantinedCustomers.Where(q => q.EngineVersion != EngineVersion && !q.RetryRequested)
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.RetryRequested, true).SetProperty(q => q.RetryRequestedAt, now), cancellationToken);
        if (retried > 0)
        {
            LogRetriedAfterDeployment(logger, retried);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Error, Message = "Customer {CustomerId} is set aside: processing failed in {Stage}; everyone else's events go on (GET /api/processing/quarantine)")]
    private static partial void LogSetAside(ILogger logger, string customerId, string stage, Exception? ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} customers set aside by an earlier deployment are retried")]
    private static partial void LogRetriedAfterDeployment(ILogger logger, int count);

    /// <summary>A customer set aside: their attempt count, and whether a retry is asked for and not yet handed out.</summary>
    public readonly record struct Held(int Attempts, DateTime? RetryRequestedAt, bool Retry);
}
