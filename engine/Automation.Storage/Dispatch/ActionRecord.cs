namespace Automation.Storage.Dispatch;

/// <summary>One action in the dispatch log: what, for whom, the guards' verdicts, and how it ended.</summary>
public sealed class ActionRecord
{
    public Guid Id { get; set; }

    /// <summary>Instance + activity (+ attempt scope): one dispatch per step however often the step is retried.</summary>
    public required string IdempotencyKey { get; set; }

    public Guid? InstanceId { get; set; }

    public string? WorkflowId { get; set; }

    public int? WorkflowVersion { get; set; }

    public string? ActivityId { get; set; }

    public required string ActionType { get; set; }

    public required string Channel { get; set; }

    public string? Plugin { get; set; }

    public required string CustomerId { get; set; }

    public string InputJson { get; set; } = "{}";

    public string ContextJson { get; set; } = "{}";

    public ActionStatus Status { get; set; }

    /// <summary>Each guard's verdict with its reason, JSON array.</summary>
    public string GuardResultsJson { get; set; } = "[]";

    public bool BudgetAffecting { get; set; }

    public decimal EstimatedCost { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public string? Detail { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Quiet hours: held until this time, then dispatched.</summary>
    public DateTime? HeldUntil { get; set; }

    public DateTime? DispatchedAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}
