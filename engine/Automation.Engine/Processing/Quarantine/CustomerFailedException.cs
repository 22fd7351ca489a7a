using Automation.Storage;
using Automation.Storage.Events;

namespace Automation.Engine.Processing.Quarantine;

/// <summary>Processing one customer's events failed for a reason of their own (their data), not the infrastructure's.</summary>
public sealed class CustomerFailedException : Exception
{
    public CustomerFailedException(string customerId, string stage, IReadOnlyList<StoredEvent> events, Exception inner)
        : base($"processing customer '{customerId}' failed in {stage}: {inner?.GetType().Name}: {inner?.Message}", inner)
    {
        CustomerId = customerId;
        Stage = stage;
        EventIds = [.. (events ?? []).Select(e => e.EventId)];
    }

    public CustomerFailedException()
        : this("", "", [], new InvalidOperationException())
    {
    }

    public CustomerFailedException(string message)
        : base(message)
    {
        CustomerId = Stage = "";
        EventIds = [];
    }

    public CustomerFailedException(string message, Exception inner)
        : base(message, inner)
    {
        CustomerId = Stage = "";
        EventIds = [];
    }

    public string CustomerId { get; }

    public string Stage { get; }

    public IReadOnlyList<string> EventIds { get; }

    /// <summary>
    /// True for a failure that the customer's own data caused (an overflow, an expression, a bug met by their
    /// history); false for the database, the network or a cancellation, which every customer would meet and which are
    /// retried instead.
    /// </summary>
    public static bool IsCustomerSpecific(Exception ex) => !InfrastructureFaults.IsInfrastructure(ex);
}
