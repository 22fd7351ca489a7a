namespace Automation.Engine.Rules;

/// <summary>
/// The crossing a decision rule set decides at: {"trigger": "segment.entered", "segment": "at-risk"}, "segment.exited",
/// {"trigger": "score.crossed", "score": "ChurnRisk"}, or an event, {"trigger": "event", "event": "cart_add"}. It runs
/// before any workflow listening to that trigger starts.
/// </summary>
public sealed class TriggerBindingDocument
{
    public string? Trigger { get; set; }

    public string? Segment { get; set; }

    public string? Score { get; set; }

    public string? Event { get; set; }
}
