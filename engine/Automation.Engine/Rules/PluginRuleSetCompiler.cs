using System.Diagnostics;
using System.Text.RegularExpressions;
using Automation.Plugins.Sdk;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;

namespace Automation.Engine.Rules;

/// <summary>
/// Compiles a plugin's C# rule set (NRules.Fluent rule classes) into the same kind of compiled rule set as the
/// marketers' ones: its rules must be rule classes that load, match the <see cref="RuleCustomer"/> they decide for,
/// and match or insert only the fact types the plugin declares. Any problem is the reason the plugin does not load.
/// </summary>
public static partial class PluginRuleSetCompiler
{
    public static bool TryCompile(string plugin, PluginRuleSet ruleSet, out CompiledRuleSet? compiled, out string error)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        compiled = null;
        error = "";
        if (!KeyPattern().IsMatch(ruleSet.Key ?? ""))
        {
            error = $"rule set key '{ruleSet.Key}' is not 1–60 lower-case letters, digits and dashes starting with a letter";
            return false;
        }

        var prefix = $"rule set '{ruleSet.Key}'";
        var notRules = (ruleSet.RuleTypes ?? []).Where(t => t is null || t.IsAbstract || !typeof(NRules.Fluent.Dsl.Rule).IsAssignableFrom(t)).ToList();
        if (notRules.Count > 0 || ruleSet.RuleTypes is not { Count: > 0 })
        {
            error = notRules.Count > 0
                ? $"{prefix}: {string.Join(", ", notRules.Select(t => t?.Name ?? "null"))} is not a concrete NRules.Fluent rule class"
                : $"{prefix} has no rule classes";
            return false;
        }

        IReadOnlyList<IRuleDefinition> definitions;
        try
        {
            var repository = new RuleRepository();
            repository.Load(spec => spec.From(ruleSet.RuleTypes));
            definitions = [.. repository.GetRules()];
        }
        catch (Exception ex) when (ex is RuleDefinitionException or RuleActivationException or InvalidOperationException or ArgumentException)
        {
            // A rule whose Define() or constructor throws: NRules wraps the cause, which is what the integrator needs.
            error = $"{prefix}: {ex.Message}{(ex.InnerException is { } inner ? $": {inner.GetType().Name}: {inner.Message}" : "")}";
            return false;
        }

        var allowed = new HashSet<Type>([typeof(RuleCustomer), .. ruleSet.FactTypes ?? []]);
        var problems = new List<string>();
        foreach (var definition in definitions)
        {
            var types = PatternTypes.Of(definition);
            if (!types.Contains(typeof(RuleCustomer)))
            {
                problems.Add($"rule '{definition.Name}' does not match the RuleCustomer it decides for");
            }

            problems.AddRange(types.Where(t => !allowed.Contains(t)).Select(t => $"rule '{definition.Name}' matches {t.Name}, which the rule set does not declare among its fact types"));
        }

        if (definitions.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add($"two rules are named '{twice.Key}'");
        }

        if (problems.Count > 0)
        {
            error = $"{prefix}: {string.Join("; ", problems)}";
            return false;
        }

        var rules = definitions
            .Select((d, i) => new CompiledRule { Name = d.Name, Index = i, Priority = d.Priority, Description = d.Description })
            .ToList();
        var stopwatch = Stopwatch.StartNew();
        ISessionFactory factory;
        try
        {
            factory = new RuleCompiler { ExpressionCompiler = new FastExpressions() }.Compile(definitions);
        }
        catch (RuleCompilationException ex)
        {
            error = $"{prefix}: rule '{ex.RuleName}' does not compile: {ex.InnerException?.Message ?? ex.Message}";
            return false;
        }

        compiled = new CompiledRuleSet(ruleSet.Key!, [.. rules.Select(r => r.Name), RuleSetCompiler.NoRulePort], rules, factory, stopwatch.Elapsed)
        {
            Decides = ruleSet.Decides,
            Plugin = plugin,
            Name = ruleSet.Name,
            Description = ruleSet.Description,
        };
        return true;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,59}$")]
    private static partial Regex KeyPattern();
}
