namespace Automation.Storage.Workflows;

/// <summary>One journaled step of an instance: which activity ran, when, and which port it left by.</summary>
public sealed class WorkflowStep
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public DateTime At { get; set; }

    public string? Port { get; set; }

    public string Summary { get; set; } = "";
}
