using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>
/// The imported definition (a draft to finish in the designer), the Elsa activities that did not map (left in it as
/// placeholders), notes on mapped steps that still need a choice (a trigger, a template, untranslated code), and
/// everything that was changed, translated or dropped on the way, each with the original.
/// </summary>
public sealed record ElsaImportResult(WorkflowDefinition Definition, IReadOnlyList<UnmappedElsaActivity> Unmapped, IReadOnlyList<ElsaImportNote> ToFinish)
{
    public IReadOnlyList<ElsaImportNote> Changed { get; init; } = [];

    /// <summary>Each Elsa activity id and the step (or placeholder) it became; Start and trigger activities that became the start are absent.</summary>
    public IReadOnlyDictionary<string, string> Steps { get; init; } = new Dictionary<string, string>();
}
