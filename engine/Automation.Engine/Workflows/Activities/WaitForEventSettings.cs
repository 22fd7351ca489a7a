namespace Automation.Engine.Workflows.Activities;

public sealed class WaitForEventSettings
{
    /// <summary>The event type that resumes the instance on port "event", e.g. "purchase".</summary>
    public string Event { get; set; } = "";

    /// <summary>ISO 8601 duration after which the instance goes on by "timeout".</summary>
    public string Timeout { get; set; } = "P7D";
}
