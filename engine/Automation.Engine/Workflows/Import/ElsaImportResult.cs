using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>
/// The imported definition (a draft to finish in the designer), the Elsa activities that did not map (left in it as
/// placeholders) and notes on mapped steps that still need a choice (a trigger, a template, a duration).
/// </summary>
public sealed record ElsaImportResult(WorkflowDefinition Definition, IReadOnlyList<UnmappedElsaActivity> Unmapped, IReadOnlyList<ElsaImportNote> ToFinish);
