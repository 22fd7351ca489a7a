namespace Automation.Host.Api;

/// <summary>A rule set in the list, with the ports a ruleSet activity can leave by.</summary>
public sealed record RuleSetSummary(string Key, string Name, string Description, int Version, bool BuiltIn, string UpdatedBy, DateTime UpdatedAt, IReadOnlyList<string> Ports);
