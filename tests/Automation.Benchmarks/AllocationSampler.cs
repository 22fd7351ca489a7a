using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Automation.Benchmarks;

/// <summary>
/// Sums the runtime's allocation ticks (one about every 100 KB allocated, naming the type that crossed it) per type,
/// so that --allocations can say which types a run allocates most: a sample, not an exact count.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Keyword 0x1: GC events; the allocation tick is only raised at verbose level.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.Payload![eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount")], CultureInfo.InvariantCulture);
        bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The types allocated most, largest first, with the sampled bytes (MiB).</summary>
    public IEnumerable<(string Type, double MiB)> Top(int count) =>
        bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value / (1024.0 * 1024)));
}
