namespace Automation.Engine.Configuration;

public sealed class ApprovalOptions
{
    /// <summary>How often approvers get an email summing up what waits for them (none when nothing waits).</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromDays(1);
}
