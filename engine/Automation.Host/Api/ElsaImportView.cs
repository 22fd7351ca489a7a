using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;

namespace Automation.Host.Api;

/// <summary>An Elsa 3 flowchart imported as a draft, with what did not map, what to finish and what changed on the way.</summary>
public sealed record ElsaImportView(WorkflowDefinition Definition, IReadOnlyList<UnmappedElsaActivity> Unmapped, IReadOnlyList<ElsaImportNote> ToFinish, IReadOnlyList<ElsaImportNote> Changed);
