namespace Automation.Engine.Workflows.Authoring;

/// <summary>One thing wrong with a definition; ActivityId lets the designer mark the node.</summary>
public sealed record DefinitionProblem(string Field, string Message, string? ActivityId = null);
