namespace Automation.Storage.Workflows;

/// <summary>One version of a workflow definition: a draft until published, then frozen.</summary>
public sealed class WorkflowVersionRecord
{
    public required string WorkflowId { get; set; }

    public int Version { get; set; }

    public required string DefinitionJson { get; set; }

    public WorkflowVersionStatus Status { get; set; }

    /// <summary>Trigger type and key, denormalized so that triggering needs no JSON parsing.</summary>
    public required string TriggerType { get; set; }

    public string? TriggerKey { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? PublishedBy { get; set; }

    public DateTime? PublishedAt { get; set; }
}
