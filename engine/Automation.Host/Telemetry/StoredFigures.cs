using System.Diagnostics.Metrics;
using Automation.Engine.Events;
using Automation.Engine.Telemetry;
using Automation.Host.Outages;
using Automation.Storage;
using Automation.Storage.Approvals;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Telemetry;

/// <summary>
/// The figures only the database knows — events waiting for processing, outbox depth, approvals waiting and the oldest
/// one's age, customers set aside — read before each scrape with index probes and small counts (the backlog, the
/// outbox, the pending approvals), never a count over the event or action tables. While the database is unreachable
/// automation_database_up is 0 and the rest are left out.
/// </summary>
public sealed class StoredFigures : IDisposable
{
    private readonly IDbContextFactory<AutomationDbContext> databases;
    private readonly IEventLog log;
    private readonly TimeProvider clock;
    private Snapshot current = new(false, 0, 0, 0, 0, 0);

    public StoredFigures(IDbContextFactory<AutomationDbContext> databases, IEventLog log, ProcessingTimings timings, TimeProvider clock)
    {
        this.databases = databases;
        this.log = log;
        this.clock = clock;

        // A meter of this host's own: two hosts in one process (tests) must not report each other's figures.
        Meter = new Meter($"{EngineTelemetry.Name}.Stored.{Guid.NewGuid():N}");
        Meter.CreateObservableGauge("automation.database.up", () => current.DatabaseUp ? 1 : 0, null, "1 while the database answers");
        Meter.CreateObservableGauge("automation.events.unprocessed", () => Measured(current.Unprocessed), "{event}", "Stored events not yet processed");
        Meter.CreateObservableGauge("automation.outbox.depth", () => Measured(current.Outbox), "{message}", "Outbox rows not yet relayed to the bus");
        Meter.CreateObservableGauge("automation.approvals.waiting", () => Measured(current.ApprovalsWaiting), "{approval}", "Approvals waiting for a decision");
        Meter.CreateObservableGauge("automation.approvals.oldest_age", () => Measured(current.OldestApprovalSeconds), "s", "Age of the oldest approval waiting");
        // Where event processing spends its time, so a slow stage on a live engine is seen rather than guessed.
        Meter.CreateObservableCounter("automation.processing.stage.time", () => timings.Snapshot().Select(s => new Measurement<double>(s.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", s.Stage.Trim()))), "s", "Time event processing spent per stage");
        Meter.CreateObservableGauge("automation.customers.set_aside", () => Measured(current.SetAside), "{customer}", "Customers whose events could not be processed");
    }

    public Meter Meter { get; }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);

            // Accepted while the writer was busy and not yet moved into the log: stored, and not processed.
            var staged = log.Staged(db);
            var unprocessed = await EventCustomerRows.UnprocessedAsync(db, cancellationToken) + staged;
            var outbox = await db.Outbox.LongCountAsync(cancellationToken);
            var pending = db.Approvals.Where(a => a.Status == ApprovalStatus.Pending);
            var waiting = await pending.LongCountAsync(cancellationToken);
            var oldest = waiting == 0 ? (DateTime?)null : await pending.MinAsync(a => (DateTime?)a.RequestedAt, cancellationToken);
            var setAside = await db.QuarantinedCustomers.LongCountAsync(cancellationToken);
            var age = oldest is { } at ? Math.Max(0, (clock.GetUtcNow().UtcDateTime - at).TotalSeconds) : 0;
            current = new Snapshot(true, unprocessed, outbox, waiting, age, setAside);
        }
        catch (Exception ex) when (OutageClassifier.Classify(ex) is not null || ex is OperationCanceledException)
        {
            current = current with { DatabaseUp = false };
        }
    }

    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<double>> Measured(double value) => current.DatabaseUp ? [new Measurement<double>(value)] : [];

    private sealed record Snapshot(bool DatabaseUp, double Unprocessed, double Outbox, double ApprovalsWaiting, double OldestApprovalSeconds, double SetAside);
}
