using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Guards;

/// <summary>
/// One embedded host for the guard tests (each test uses its own customers, workflows and segments): a clock the
/// quiet-hours test can move, and a daily budget of 0.10 per workflow so two 0.05 audience changes use it up.
/// </summary>
public sealed class GuardsHost : IDisposable
{
    public GuardsHost()
    {
        Host = AutomationHost.Embedded(
            new Dictionary<string, string?>
            {
                ["Automation:Dispatch:DailyBudgetPerWorkflow"] = "0.10",
                ["Automation:Dispatch:QuietHoursStart"] = "21",
                ["Automation:Dispatch:QuietHoursEnd"] = "8",
            },
            Clock);
    }

    public ShiftableClock Clock { get; } = new();

    public AutomationHost Host { get; }

    public void Dispose() => Host.Dispose();
}
