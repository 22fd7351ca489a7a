namespace Automation.Host.Api;

/// <summary>A rule set as listed: stored (editable unless built in) or shipped by a plugin (read-only, with its rules).</summary>
public sealed record RuleSetSummary(
    string Key, string Name, string Description, int Version, bool BuiltIn, string? UpdatedBy, DateTime? UpdatedAt,
    IReadOnlyList<string> Ports, string? Plugin, bool ReadOnly, IReadOnlyList<PluginRuleSummary>? PluginRules);
