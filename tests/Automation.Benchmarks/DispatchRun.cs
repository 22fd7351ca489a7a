using System.Diagnostics;
using System.Globalization;
using Automation.Engine.Events;
using Automation.Storage;
using Automation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Automation.Benchmarks;

/// <summary>
/// Drives bench_go events into a running engine (one per customer, each starting an instance whose action goes to the
/// Proof plugin) and reads back, from the plugin's delivery ledger, when each action reached its handler.
/// </summary>
public sealed class DispatchRun(EventIngestion ingestion, IDbContextFactory<AutomationDbContext> databases, ProofLedger ledger)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly string[] BehaviorTypes = ["page_view", "product_view", "pricing_view", "add_to_cart", "email_open", "page_view", "product_view"];

    /// <summary>All events at once; how fast the actions drain to the handler.</summary>
    public async Task<(double Seconds, double PerSecond, double ActivityPerSecond)> BurstAsync(string prefix, int count)
    {
        var start = DateTime.UtcNow;
        foreach (var chunk in Enumerable.Range(0, count).Chunk(10_000))
        {
            await IngestAsync(prefix, chunk);
        }

        var handled = await WaitForDeliveriesAsync(prefix, count);
        var last = handled.Values.Max(d => d.HandledAt);
        var firstActivity = handled.Values.Min(d => d.CreatedAt);
        var seconds = (last - start).TotalSeconds;
        var lastActivity = handled.Values.Max(d => d.CreatedAt);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix}{count}: action activities ran from {(firstActivity - start).TotalSeconds:0.00} s to {(lastActivity - start).TotalSeconds:0.00} s after submission; handlers from {(handled.Values.Min(d => d.HandledAt) - start).TotalSeconds:0.00} s to {seconds:0.00} s"));
        return (seconds, count / seconds, count / (last - firstActivity).TotalSeconds);
    }

    /// <summary>
    /// A steady rate of events (a batch every 10 ms); latency from each triggering event's submission to its action's
    /// handler. With <paramref name="mix"/> above 1, only one event in <paramref name="mix"/> starts the workflow; the
    /// rest are ordinary behavior (page, product and pricing views, cart adds, email opens) from a population of other
    /// customers, processed in the same batches: the load of a shop whose workflows act on part of its traffic.
    /// </summary>
    public async Task<(double P50, double P99, double Max, int Actions)> PacedAsync(string prefix, int rate, int seconds, int mix = 1)
    {
        var total = rate * seconds;
        var triggering = (total + mix - 1) / mix;
        var submitted = new DateTime[triggering];
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var sent = 0;
        while (sent < total && await tick.WaitForNextTickAsync())
        {
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate));
            if (due <= sent)
            {
                continue;
            }

            var now = DateTime.UtcNow;
            var go = new List<int>();
            var behavior = new List<int>();
            for (var i = sent; i < due; i++)
            {
                if (i % mix == 0)
                {
                    submitted[i / mix] = now;
                    go.Add(i / mix);
                }
                else
                {
                    behavior.Add(i);
                }
            }

            await IngestAsync(prefix, [.. go], behavior);
            sent = due;
        }

        var handled = await WaitForDeliveriesAsync(prefix, triggering);
        var latencies = handled.Select(h => (h.Value.HandledAt - submitted[Index(prefix, h.Key)]).TotalMilliseconds).Order().ToArray();
        return (latencies[latencies.Length / 2], latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))], latencies[^1], triggering);
    }

    private async Task IngestAsync(string prefix, int[] customers, List<int>? behavior = null)
    {
        var timestamp = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var events = customers.Select(i => new IncomingEvent($"{prefix}go-{i}", Customer(prefix, i), "bench_go", timestamp, null, null)).ToList();
        foreach (var i in behavior ?? [])
        {
            // 20,000 shoppers, each seen again and again: their profiles are updated, not only created.
            var shopper = (int)((uint)(i * 2_654_435_761L) % 20_000);
            events.Add(new IncomingEvent($"{prefix}b-{i}", $"shopper-{shopper}", BehaviorTypes[i % BehaviorTypes.Length], timestamp, null, null));
        }

        var result = await ingestion.IngestAsync(events, CancellationToken.None);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("the benchmark's events were refused: " + result.Errors[0]);
        }
    }

    /// <summary>Per customer of the run: when its action was created (the action activity ran) and when the handler got it.</summary>
    private async Task<Dictionary<string, (DateTime CreatedAt, DateTime HandledAt)>> WaitForDeliveriesAsync(string prefix, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = await databases.CreateDbContextAsync();
            var actions = await db.Actions.AsNoTracking()
                .Where(a => a.CustomerId.StartsWith(prefix))
                .Select(a => new { a.IdempotencyKey, a.CustomerId, a.CreatedAt })
                .ToListAsync();
            var deliveries = ledger.Deliveries().ToLookup(d => d.IdempotencyKey, StringComparer.Ordinal);
            var handled = actions
                .Where(a => deliveries.Contains(a.IdempotencyKey))
                .ToDictionary(a => a.CustomerId, a => (a.CreatedAt, deliveries[a.IdempotencyKey].Min(d => d.HandledAt)), StringComparer.Ordinal);
            if (handled.Count == count)
            {
                var all = ledger.Deliveries();
                if (all.Count != all.Select(d => d.IdempotencyKey).Distinct(StringComparer.Ordinal).Count())
                {
                    throw new InvalidOperationException("an action reached the handler twice");
                }

                return handled;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{prefix}: {handled.Count} of {count} actions reached the handler within {Patience.TotalMinutes} minutes ({actions.Count} created)");
            }

            await Task.Delay(50);
        }
    }

    private static string Customer(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

    private static int Index(string prefix, string customer) => int.Parse(customer.AsSpan(prefix.Length), CultureInfo.InvariantCulture);
}
