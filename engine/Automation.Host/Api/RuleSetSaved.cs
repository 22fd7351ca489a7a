namespace Automation.Host.Api;

/// <summary>A rule set's save: its key and new version.</summary>
public sealed record RuleSetSaved(string Key, int Version);
