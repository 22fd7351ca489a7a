namespace Automation.Storage.Segments;

/// <summary>A stored segment definition.</summary>
public sealed class SegmentDefinitionRecord
{
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public required string Expression { get; set; }

    /// <summary>For score segments: the member compared with the thresholds, e.g. "Scores.ChurnRisk".</summary>
    public string? ScoreMember { get; set; }

    public double? EnterThreshold { get; set; }

    public double? ExitThreshold { get; set; }

    public int? TtlDays { get; set; }

    public int? MinimumSize { get; set; }

    public bool BuiltIn { get; set; }

    public DateTime UpdatedAt { get; set; }
}
