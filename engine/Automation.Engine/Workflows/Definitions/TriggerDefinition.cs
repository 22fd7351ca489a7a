namespace Automation.Engine.Workflows.Definitions;

/// <summary>What starts an instance: segment.entered, segment.exited, score.crossed or event.</summary>
public sealed record TriggerDefinition
{
    public string Type { get; init; } = "";

    /// <summary>For segment triggers: the segment key.</summary>
    public string? Segment { get; init; }

    /// <summary>For score.crossed: the score (ChurnRisk, PurchasePropensity), threshold and "up" or "down".</summary>
    public string? Score { get; init; }

    public double? Threshold { get; init; }

    public string? Direction { get; init; }

    /// <summary>
    /// For event triggers: the event type, and an optional filter over the arriving event and the profile
    /// (`Event.Value > 100 && Features.Purchases > 0`); an event that does not pass starts nothing.
    /// </summary>
    public string? Event { get; init; }

    public string? Filter { get; init; }

    /// <summary>The key stored with a published version so that triggering is an index look-up.</summary>
    public string? Key => Type switch
    {
        TriggerTypes.SegmentEntered or TriggerTypes.SegmentExited => Segment,
        TriggerTypes.ScoreCrossed => Score,
        TriggerTypes.Event => Event,
        _ => null,
    };
}
