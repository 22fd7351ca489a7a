namespace Automation.Engine.Workflows.Versions;

/// <summary>
/// Which waiting instances move to which version: steps map by id unless <see cref="Mapping"/> says otherwise (old step
/// id → new step id, for steps renamed or gone); <see cref="Steps"/>, when given, limits the move to those old steps.
/// </summary>
public sealed record MigrationRequest
{
    /// <summary>The version to move to; none means the published one.</summary>
    public int? ToVersion { get; init; }

    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string>? Steps { get; init; }
}
