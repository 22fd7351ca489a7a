namespace Automation.Host.Api;

/// <summary>A rule set shipped by a plugin: written in C#, so there is no JSON to edit, only its rules to show.</summary>
public sealed record PluginRuleSetView(string Key, string Name, string Description, int Version, string? Plugin, bool ReadOnly, IReadOnlyList<PluginRuleSummary> PluginRules);
