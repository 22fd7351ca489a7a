namespace Automation.Engine.Content;

/// <summary>A save's outcome: the new version, or the problems by field, or a conflict (the key is taken).</summary>
public sealed record EmailTemplateSaveResult(int Version, bool Created, IReadOnlyList<(string Field, string Message)> Problems, string? Conflict)
{
    public bool Succeeded => Problems.Count == 0 && Conflict is null;
}
