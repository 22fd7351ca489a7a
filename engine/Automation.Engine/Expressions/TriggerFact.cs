namespace Automation.Engine.Expressions;

/// <summary>
/// What set a decision off, as a rule reads it: `Trigger.Type == "segment.entered" &amp;&amp; Trigger.Key == "at-risk"`,
/// or `Trigger.Is("score.crossed", "churn")`. In a workflow's rule-set step it is the workflow's own trigger.
/// </summary>
public sealed class TriggerFact(string type, string key)
{
    /// <summary>No trigger: a rule set tried by hand.</summary>
    public static TriggerFact None { get; } = new("none", "");

    /// <summary>"segment.entered", "segment.exited", "score.crossed", "event", "schedule" or "none".</summary>
    public string Type { get; } = type;

    /// <summary>The segment, score or event type the trigger names.</summary>
    public string Key { get; } = key;

    public bool Is(string type, string key) =>
        string.Equals(Type, type, StringComparison.OrdinalIgnoreCase) && string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);
}
