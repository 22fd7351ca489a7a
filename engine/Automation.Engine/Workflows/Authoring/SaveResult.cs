namespace Automation.Engine.Workflows.Authoring;

/// <summary>The outcome of saving or publishing: the version written, or the problems that stopped it.</summary>
public sealed record SaveResult(string Id, int Version, IReadOnlyList<DefinitionProblem> Problems, IReadOnlyList<string> Changes)
{
    public bool Succeeded => Problems.Count == 0;

    public static SaveResult Refused(string id, IReadOnlyList<DefinitionProblem> problems) => new(id, 0, problems, []);
}
