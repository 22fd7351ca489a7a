namespace Automation.Host.Api;

/// <summary>Conversion of treated against holdout customers of a workflow; Uplift is absent until both groups have members.</summary>
public sealed record WorkflowUplift(string WorkflowId, string WorkflowName, int Treated, int TreatedConverted, int Holdout, int HoldoutConverted, double? Uplift);
