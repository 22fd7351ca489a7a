namespace Automation.Storage.Events;

/// <summary>One behavioral event in the durable event log.</summary>
public sealed class StoredEvent
{
    /// <summary>Append order; the processor works through events in this order.</summary>
    public long Sequence { get; set; }

    /// <summary>The producer's id (idempotency), or a generated one.</summary>
    public required string EventId { get; set; }

    public required string CustomerId { get; set; }

    /// <summary>
    /// PostgreSQL: the partition the customer hashes to, which one engine process at a time processes. The embedded
    /// default, one process owning every partition, leaves it 0.
    /// </summary>
    public int Partition { get; set; }

    public required string Type { get; set; }

    public DateTime Timestamp { get; set; }

    public decimal? Value { get; set; }

    public string? PropertiesJson { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>
    /// The W3C traceparent of the request that accepted it, while someone traces (else null): processing in another
    /// engine process continues that trace.
    /// </summary>
    public string? TraceParent { get; set; }

    /// <summary>
    /// PostgreSQL: false until the profile, segments and workflows have seen it. The embedded default leaves it false
    /// and goes by its checkpoints instead (<see cref="ProcessingCheckpoint"/>): setting a flag rewrote every event row.
    /// </summary>
    public bool Processed { get; set; }
}
