namespace Automation.Engine.Rules;

/// <summary>
/// The crossing a decision rule set decides at: {"trigger": "segment.entered", "segment": "at-risk"}, "segment.exited",
/// or {"trigger": "score.crossed", "score": "ChurnRisk"}. It runs before any workflow listening to that crossing starts.
/// </summary>
public sealed class TriggerBindingDocument
{
    public string? Trigger { get; set; }

    public string? Segment { get; set; }

    public string? Score { get; set; }
}
