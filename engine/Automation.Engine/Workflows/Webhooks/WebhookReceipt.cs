namespace Automation.Engine.Workflows.Webhooks;

/// <summary>What a webhook call did, and the instance it started or resumed (or the one already running).</summary>
public sealed record WebhookReceipt(WebhookOutcome Outcome, Guid? InstanceId);

public enum WebhookOutcome
{
    /// <summary>No enabled workflow publishes a webhook trigger under that id.</summary>
    NoSuchWebhook,

    WrongSecret,

    Started,

    Resumed,

    /// <summary>The customer may not enter (already in, or the re-entry policy or a decision said no).</summary>
    NotStarted,
}
