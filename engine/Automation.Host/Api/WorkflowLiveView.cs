namespace Automation.Host.Api;

/// <summary>Instances waiting at each activity (by id) of the published version, and how many run, completed or faulted.</summary>
public sealed record WorkflowLiveView(int? Version, IReadOnlyDictionary<string, int> Waiting, int Running, int Completed, int Faulted);
