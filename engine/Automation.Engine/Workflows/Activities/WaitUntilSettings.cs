namespace Automation.Engine.Workflows.Activities;

public sealed class WaitUntilSettings
{
    /// <summary>The time of day, "HH:mm", in the customer's zone.</summary>
    public string Time { get; set; } = "09:00";

    /// <summary>Only on these days ("Monday" … "Sunday"); none means any day.</summary>
    public IList<string> Weekdays { get; set; } = [];
}
