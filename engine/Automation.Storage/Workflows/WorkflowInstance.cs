namespace Automation.Storage.Workflows;

/// <summary>One customer's run through one workflow version.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public required string WorkflowId { get; set; }

    public int Version { get; set; }

    public required string CustomerId { get; set; }

    public WorkflowInstanceStatus Status { get; set; }

    public string? CurrentActivityId { get; set; }

    /// <summary>"{workflow}|{customer}" while active, null after: a unique index keeps one active instance per customer.</summary>
    public string? ActiveKey { get; set; }

    /// <summary>What the instance waits for: "timer", "event:{type}", "action:{id}", "approval:{id}".</summary>
    public string? Bookmark { get; set; }

    /// <summary>When a timer or a wait's timeout falls due.</summary>
    public DateTime? WakeAt { get; set; }

    /// <summary>The event type a waitForEvent waits for, indexed with the customer for fast resume.</summary>
    public string? WaitingForEvent { get; set; }

    /// <summary>Why the instance started (trigger, segment, reason codes), JSON.</summary>
    public string TriggerJson { get; set; } = "{}";

    /// <summary>The workflow variables' current values (a JSON object), null until a setVariable step runs.</summary>
    public string? VariablesJson { get; set; }

    /// <summary>The split branch taken, when the workflow has a split; holdout membership for uplift.</summary>
    public string? Branch { get; set; }

    /// <summary>Set on a branch of a fork: the instance that forked it and waits at the fork for its branches.</summary>
    public Guid? ParentInstanceId { get; set; }

    /// <summary>The fork activity that started this branch (the parent waits on bookmark "fork:{id}").</summary>
    public string? ForkActivityId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Optimistic concurrency: two engine processes never advance the same instance twice.</summary>
    public int Revision { get; set; }
}
