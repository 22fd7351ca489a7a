namespace Automation.Host.Api;

/// <summary>What publishing the latest draft would change against the published version.</summary>
public sealed record WorkflowDiff(int? PublishedVersion, int LatestVersion, IReadOnlyList<string> Changes);
