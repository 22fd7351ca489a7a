using System.Collections.Concurrent;
using System.Diagnostics;

namespace Automation.Engine.Telemetry;

/// <summary>
/// The trace each customer's latest accepted events arrived in, so that processing them in a later batch (and the
/// workflows they start) continues that trace rather than a trace of the batch's own. In this process only, and only
/// while someone traces. An event accepted by another engine process carries its request's traceparent in its row
/// (<c>StoredEvent.TraceParent</c>), which the workflow stage reads when this map knows nothing.
/// </summary>
public sealed class IngestTraces
{
    // Bounded: a trace that no batch claimed by then is forgotten rather than kept forever.
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, ActivityContext> byCustomer = new(StringComparer.Ordinal);

    /// <summary>Remembers the current span for these customers; nothing at all when no span is being recorded.</summary>
    public void Accepted(IEnumerable<string> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        if (Activity.Current is not { Recorded: true } current)
        {
            return;
        }

        if (byCustomer.Count >= Capacity)
        {
            byCustomer.Clear();
        }

        foreach (var customerId in customerIds)
        {
            byCustomer[customerId] = current.Context;
        }
    }

    /// <summary>The span a customer's events were accepted under, once; default when unknown.</summary>
    public ActivityContext Claim(string customerId) =>
        !byCustomer.IsEmpty && byCustomer.TryRemove(customerId, out var context) ? context : default;
}
