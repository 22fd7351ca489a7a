namespace Automation.Engine.Workflows.Definitions;

/// <summary>What starts an instance: segment.entered, segment.exited, score.crossed, event, webhook or schedule.</summary>
public sealed record TriggerDefinition
{
    public string Type { get; init; } = "";

    /// <summary>For segment triggers and schedules: the segment key (a schedule starts every current member).</summary>
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

    /// <summary>For webhook triggers: what a caller of POST /api/webhooks/{workflow id} must present (X-Webhook-Secret).</summary>
    public string? Secret { get; init; }

    /// <summary>For a one-off schedule: when every current member of the segment starts (with an offset, or UTC).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>For a recurring schedule: a five-field cron expression in the workspace's time zone (`0 9 * * MON`).</summary>
    public string? Cron { get; init; }

    /// <summary>The key stored with a published version so that triggering is an index look-up (a webhook's is its workflow id, see <see cref="KeyFor"/>).</summary>
    public string? Key => Type switch
    {
        TriggerTypes.SegmentEntered or TriggerTypes.SegmentExited => Segment,
        TriggerTypes.ScoreCrossed => Score,
        TriggerTypes.Event => Event,
        _ => null,
    };

    /// <summary>The key stored for this trigger on a version of the workflow: a webhook's URL and a schedule name their workflow.</summary>
    public string? KeyFor(string workflowId) => Type is TriggerTypes.Webhook or TriggerTypes.Schedule ? workflowId : Key;
}
