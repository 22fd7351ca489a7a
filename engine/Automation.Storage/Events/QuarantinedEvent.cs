namespace Automation.Storage.Events;

/// <summary>An event skipped while its customer was set aside (<see cref="QuarantinedCustomer"/>), by its log sequence.</summary>
public sealed class QuarantinedEvent
{
    public long Sequence { get; set; }

    public required string CustomerId { get; set; }
}
