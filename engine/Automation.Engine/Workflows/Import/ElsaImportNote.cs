namespace Automation.Engine.Workflows.Import;

/// <summary>A mapped step (or the trigger) that still needs a choice before the draft can be published.</summary>
public sealed record ElsaImportNote(string ActivityId, string ElsaType, string Reason);
