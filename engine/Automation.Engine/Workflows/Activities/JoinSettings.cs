namespace Automation.Engine.Workflows.Activities;

public sealed class JoinSettings
{
    /// <summary>"all": go on once every branch has arrived or ended (Elsa's WaitAll); "any": go on with the first arrival and cancel the rest (WaitAny).</summary>
    public string Mode { get; set; } = Join.All;
}
