namespace Automation.Engine.Workflows.Versions;

/// <summary>What a migration moves (or, as a preview, would move): per version and current step, how many and where.</summary>
public sealed record MigrationReport(string WorkflowId, int ToVersion, IReadOnlyList<MigrationLine> Lines, bool Applied)
{
    public int Moved => Lines.Where(l => l.ToStep is not null).Sum(l => l.Instances);

    public int Staying => Lines.Where(l => l.ToStep is null).Sum(l => l.Instances);
}

/// <summary>Instances waiting at one step of one version, the step of the new version they go to (null: they stay), and why.</summary>
public sealed record MigrationLine(int FromVersion, string FromStep, int Instances, string? ToStep, string Reason);
