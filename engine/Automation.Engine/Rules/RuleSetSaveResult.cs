namespace Automation.Engine.Rules;

/// <summary>The outcome of saving a rule set: the version written, or why it was refused.</summary>
public sealed record RuleSetSaveResult(int Version, bool Created, IReadOnlyList<RuleSetProblem> Problems, string? Conflict = null)
{
    public bool Succeeded => Problems.Count == 0 && Conflict is null;
}
