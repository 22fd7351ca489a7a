namespace Automation.Plugins.Sdk;

/// <summary>Why an action was produced, so a connector can say it (e.g. a sales alert's reason codes).</summary>
public sealed record ActionContext(
    string? WorkflowId,
    int? WorkflowVersion,
    string? Segment,
    IReadOnlyList<ReasonCode> Reasons);
