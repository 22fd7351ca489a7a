namespace Automation.Storage.Dispatch;

/// <summary>Consumer-side dedupe: a redelivered dispatch with a key seen here is not carried out again.</summary>
public sealed class ProcessedDispatch
{
    public required string IdempotencyKey { get; set; }

    public required string ActionType { get; set; }

    public string? Detail { get; set; }

    public DateTime ProcessedAt { get; set; }
}
