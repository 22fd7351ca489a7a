using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Approvals;

/// <summary>
/// One embedded host for the approval tests. Audience changes need no minimum size here (event-started workflows have
/// no segment behind them) and go to a CSV file in a temporary folder, as with no ad platform configured.
/// </summary>
public sealed class ApprovalsHost : IDisposable
{
    private readonly string audiences = Path.Combine(Path.GetTempPath(), "automation-audiences", Guid.NewGuid().ToString("N"));

    public ApprovalsHost()
    {
        Host = AutomationHost.Embedded(new Dictionary<string, string?>
        {
            ["Automation:Dispatch:MinimumAudienceSize"] = "0",
            ["Automation:Dispatch:QuietHoursStart"] = "",
            ["Automation:Plugins:Retargeting:ExportFolder"] = audiences,
        });
    }

    public AutomationHost Host { get; }

    public string AudiencesFolder => audiences;

    public void Dispose()
    {
        Host.Dispose();
        if (Directory.Exists(audiences))
        {
            Directory.Delete(audiences, recursive: true);
        }
    }
}
