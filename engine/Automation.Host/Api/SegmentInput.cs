namespace Automation.Host.Api;

/// <summary>A segment as the designer or an integrator writes it.</summary>
public sealed record SegmentInput
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Expression { get; init; }

    public string? ScoreMember { get; init; }

    public double? EnterThreshold { get; init; }

    public double? ExitThreshold { get; init; }

    public int? TtlDays { get; init; }

    public int? MinimumSize { get; init; }
}
