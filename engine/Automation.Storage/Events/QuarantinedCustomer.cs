namespace Automation.Storage.Events;

/// <summary>
/// A customer whose events could not be processed, set aside so that processing goes on for everyone else. Their
/// events stay in the log; those skipped while they are set aside are listed in <see cref="QuarantinedEvent"/>.
/// </summary>
public sealed class QuarantinedCustomer
{
    public required string CustomerId { get; set; }

    /// <summary>Where processing failed: the fold, scores and segments, or the workflows.</summary>
    public required string Stage { get; set; }

    /// <summary>The exception's type and message (no stack trace: that is in the log).</summary>
    public required string Error { get; set; }

    /// <summary>The events of the batch that failed, by id, as the operator knows them.</summary>
    public required string EventIdsJson { get; set; }

    public DateTime FirstFailedAt { get; set; }

    public DateTime LastFailedAt { get; set; }

    /// <summary>How many times processing this customer failed; each new failure is a new attempt.</summary>
    public int Attempts { get; set; }

    /// <summary>The engine build that failed: a new deployment retries what an older one set aside.</summary>
    public required string EngineVersion { get; set; }

    /// <summary>A person (or a new deployment) asked for the customer's events to be processed again.</summary>
    public bool RetryRequested { get; set; }

    public DateTime? RetryRequestedAt { get; set; }
}
