using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>The imported definition (a draft to finish in the designer) and the report of what did not map.</summary>
public sealed record ElsaImportResult(WorkflowDefinition Definition, IReadOnlyList<UnmappedElsaActivity> Unmapped);
