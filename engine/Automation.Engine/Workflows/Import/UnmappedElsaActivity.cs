namespace Automation.Engine.Workflows.Import;

/// <summary>Something of an Elsa flowchart that has no counterpart here, and why; never dropped silently.</summary>
public sealed record UnmappedElsaActivity(string ActivityId, string ElsaType, string Reason);
