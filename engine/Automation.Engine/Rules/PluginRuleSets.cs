namespace Automation.Engine.Rules;

/// <summary>The rule sets the loaded plugins ship, compiled at start; the catalog serves them beside the stored ones, read-only.</summary>
public sealed class PluginRuleSets(IReadOnlyList<CompiledRuleSet> all)
{
    public IReadOnlyList<CompiledRuleSet> All { get; } = all;

    public CompiledRuleSet? Find(string key) => All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal));
}
