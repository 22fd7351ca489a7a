using Automation.Engine.Profiles;

namespace Automation.Engine.Expressions;

/// <summary>
/// What an expression threw for some customer (a division by zero, a date past its range). A throwing expression does
/// not hold for that customer — not in the segment, the condition false — and the first such error is kept here, with
/// how often it happened, for the segment page and the log.
/// </summary>
public sealed class ExpressionFaults
{
    private Fault? first;
    private long count;

    /// <summary>The first error met, if any.</summary>
    public Fault? First => Volatile.Read(ref first);

    /// <summary>How many evaluations threw.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>The expression as it runs: an exception counts as false and is recorded.</summary>
    public Func<CustomerFeatures, CustomerScores, bool> Guard(Func<CustomerFeatures, CustomerScores, bool> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        return (features, scores) =>
        {
            try
            {
                return evaluate(features, scores);
            }
            catch (Exception ex) when (Recordable(ex))
            {
                Record(features?.CustomerId, ex);
                return false;
            }
        };
    }

    /// <summary>The same for an event filter.</summary>
    public Func<CustomerFeatures, CustomerScores, TriggerEvent, bool> Guard(Func<CustomerFeatures, CustomerScores, TriggerEvent, bool> evaluate)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        return (features, scores, e) =>
        {
            try
            {
                return evaluate(features, scores, e);
            }
            catch (Exception ex) when (Recordable(ex))
            {
                Record(features?.CustomerId, ex);
                return false;
            }
        };
    }

    private void Record(string? customerId, Exception ex)
    {
        Interlocked.Increment(ref count);
        Interlocked.CompareExchange(ref first, new Fault(customerId ?? "", $"{ex.GetType().Name}: {ex.Message}", DateTime.UtcNow), null);
    }

    // What the sandboxed expression can throw by arithmetic or by its data; never the runtime's own emergencies.
    private static bool Recordable(Exception ex) => ex is not (OutOfMemoryException or StackOverflowException or ThreadAbortException or OperationCanceledException);

    /// <summary>An error an expression threw for a customer.</summary>
    public sealed record Fault(string CustomerId, string Error, DateTime At);
}
