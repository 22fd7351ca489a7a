namespace Automation.Storage.Messaging;

/// <summary>
/// A bus message written in the same transaction as the state change that caused it, and sent after commit.
/// This is what makes "stored, then published" hold across crashes.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public Guid MessageId { get; set; }

    /// <summary>Assembly-qualified-free CLR name of the message type (resolved against known contracts).</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    /// <summary>Null to publish; otherwise the queue to send to.</summary>
    public string? Destination { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>W3C traceparent of the span that wrote the message, so that its sending and consuming continue that trace.</summary>
    public string? TraceParent { get; set; }
}
