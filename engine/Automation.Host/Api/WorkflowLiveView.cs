namespace Automation.Host.Api;

/// <summary>
/// Instances waiting at each activity (by id) of the published version, how many run, completed, faulted or converted
/// (reached the goal), and the winners its A/B tests chose.
/// </summary>
public sealed record WorkflowLiveView(int? Version, IReadOnlyDictionary<string, int> Waiting, int Running, int Completed, int Faulted, int Converted, IReadOnlyList<SplitWinnerView> Winners);
