namespace Automation.Host.Api;

/// <summary>One C# rule of a plugin's rule set, as the designer shows it (read-only).</summary>
public sealed record PluginRuleSummary(string Name, string Description, int Priority);
