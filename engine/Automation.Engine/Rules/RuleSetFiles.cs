namespace Automation.Engine.Rules;

/// <summary>Rule sets read from a folder of shipped rule set files, for validating workflows without a database.</summary>
public sealed class RuleSetFiles : IRuleSetLookup
{
    private readonly Dictionary<string, CompiledRuleSet> ruleSets = new(StringComparer.Ordinal);

    /// <summary>Loads every valid file; problems come back per file so the caller can report them.</summary>
    public RuleSetFiles(RuleSetCompiler compiler, string folder, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(problem);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var shipped = ShippedRuleSet.Read(file);
            if (shipped is null)
            {
                problem(file, "not a rule set file: {\"key\", \"name\", \"rules\"}");
            }
            else if (compiler.TryCompile(shipped.Key, shipped.Rules, out var compiled, out var problems))
            {
                ruleSets[shipped.Key] = compiled!;
            }
            else
            {
                foreach (var p in problems)
                {
                    problem(file, $"{p.Field}: {p.Message}");
                }
            }
        }
    }

    public CompiledRuleSet? Find(string key) => ruleSets.GetValueOrDefault(key);
}
