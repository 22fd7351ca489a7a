namespace Automation.Engine.Rules;

/// <summary>Compiled rule sets by key, as workflow validation sees them (the stored ones, or files for the CLI).</summary>
public interface IRuleSetLookup
{
    CompiledRuleSet? Find(string key);
}
