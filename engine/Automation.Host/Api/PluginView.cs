namespace Automation.Host.Api;

/// <summary>A plugin as loaded (or the reason it failed to load).</summary>
public sealed record PluginView(string Name, string? Version, string? SdkRange, string Status, string? Error, IReadOnlyList<string> ActionTypes, IReadOnlyList<string> RuleSets, string Assembly);
