namespace Automation.Host.Api;

/// <summary>Ports that depend on a setting's value (a ruleSet node leaves by its rule set's rules).</summary>
public sealed record PortsBySetting(string Setting, IReadOnlyDictionary<string, IReadOnlyList<string>> Ports);
