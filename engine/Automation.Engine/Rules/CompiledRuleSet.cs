using System.Globalization;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using RulesEngine.Models;

namespace Automation.Engine.Rules;

/// <summary>A checked rule set and the RulesEngine that runs it (compiled lazily by RulesEngine, then cached).</summary>
public sealed class CompiledRuleSet
{
    private readonly RulesEngine.RulesEngine engine;

    public CompiledRuleSet(string key, Workflow workflow, IReadOnlyList<string> ports)
    {
        Key = key;
        Ports = ports;
        engine = new RulesEngine.RulesEngine([workflow], ProfileExpressionCompiler.NewSettings());
    }

    public string Key { get; }

    /// <summary>The stored version this was compiled from (0 before it was saved).</summary>
    public int Version { get; private init; }

    /// <summary>Each top-level rule's name, then "none": the ports a ruleSet activity can leave by.</summary>
    public IReadOnlyList<string> Ports { get; }

    public CompiledRuleSet WithVersion(int version) => new(this, version);

    private CompiledRuleSet(CompiledRuleSet other, int version)
    {
        Key = other.Key;
        Ports = other.Ports;
        engine = other.engine;
        Version = version;
    }

    public async Task<RuleSetOutcome> EvaluateAsync(CustomerFeatures features, CustomerScores scores)
    {
        var results = await engine.ExecuteAllRulesAsync(Key, new RuleParameter("Features", features), new RuleParameter("Scores", scores));
        var rules = results.Select(r => new RuleResult(
            r.Rule.RuleName,
            r.IsSuccess,
            r.ActionResult?.Output is { } output ? Convert.ToString(output, CultureInfo.InvariantCulture) : null,
            string.IsNullOrEmpty(r.ExceptionMessage) ? r.ActionResult?.Exception?.Message : r.ExceptionMessage)).ToList();
        var first = rules.FirstOrDefault(r => r.Held);
        return new RuleSetOutcome(first?.Rule ?? RuleSetCompiler.NoRulePort, first?.Output, rules);
    }
}
