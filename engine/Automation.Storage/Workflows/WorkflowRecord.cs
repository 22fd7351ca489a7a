namespace Automation.Storage.Workflows;

/// <summary>A workflow across its versions.</summary>
public sealed class WorkflowRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The version new instances start on; null until first published.</summary>
    public int? PublishedVersion { get; set; }

    public int LatestVersion { get; set; }

    /// <summary>Disabled workflows start no new instances; running ones go on.</summary>
    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
