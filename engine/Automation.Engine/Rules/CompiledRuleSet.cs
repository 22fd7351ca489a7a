using Automation.Engine.Profiles;
using NRules;

namespace Automation.Engine.Rules;

/// <summary>
/// A checked rule set and its NRules session factory (the compiled Rete network), built once per stored version and
/// shared: each evaluation opens a session, inserts the customer, fires the rules up to the firing limit and reads
/// the decision back with its explanation.
/// </summary>
public sealed class CompiledRuleSet
{
    /// <summary>More firings than this for one customer means a chain of rules that asserts facts forever.</summary>
    public const int FiringLimit = 1000;

    private readonly ISessionFactory factory;
    private readonly IReadOnlyList<CompiledRule> rules;

    internal CompiledRuleSet(string key, IReadOnlyList<string> ports, IReadOnlyList<CompiledRule> rules, ISessionFactory factory, TimeSpan compileTime)
    {
        Key = key;
        Ports = ports;
        this.rules = rules;
        this.factory = factory;
        CompileTime = compileTime;
    }

    public string Key { get; }

    /// <summary>The top-level rules, in their order.</summary>
    public IReadOnlyList<CompiledRule> Rules => rules;

    /// <summary>The stored version this was compiled from (0 before it was saved).</summary>
    public int Version { get; private init; }

    /// <summary>Each top-level rule's name, then "none": the ports a ruleSet activity can leave by.</summary>
    public IReadOnlyList<string> Ports { get; }

    /// <summary>How long NRules took to build the session factory.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>For a decision rule set, the crossing it decides at ("segment.entered", "at-risk"); null otherwise.</summary>
    public (string Trigger, string Key)? Decides { get; init; }

    public CompiledRuleSet WithVersion(int version) => new(Key, Ports, rules, factory, CompileTime) { Version = version, Decides = Decides };

    /// <summary>Decides for one customer; a rule that throws or a runaway chain ends in a <see cref="RuleSetEvaluationException"/>.</summary>
    public RuleSetOutcome Evaluate(CustomerFeatures features, CustomerScores scores)
    {
        var customer = new CustomerFact(features, scores);
        var session = factory.CreateSession();
        try
        {
            session.Insert(customer);
            if (session.Fire(FiringLimit) >= FiringLimit && !session.Agenda.IsEmpty)
            {
                var looping = customer.Decision.FiredRules.GroupBy(r => r.Name).OrderByDescending(g => g.Count()).First().Key;
                throw new RuleSetEvaluationException($"rule set '{Key}' v{Version} stopped after {FiringLimit} firings: rule '{looping}' keeps firing (it asserts a fact that makes a rule fire again)");
            }
        }
        catch (RuleExecutionException ex)
        {
            // A condition is shared by the rules that use it, so NRules names the expression, not a rule.
            var cause = ex.InnerException ?? ex;
            var where = ex switch
            {
                RuleRhsExpressionEvaluationException rhs => $", rule '{rhs.RuleName}'",
                RuleExpressionEvaluationException lhs => $", condition {lhs.Expression}",
                _ => "",
            };
            throw new RuleSetEvaluationException($"rule set '{Key}' v{Version}{where} failed: {cause.GetType().Name}: {cause.Message}", cause);
        }

        return Decide(customer);
    }

    /// <summary>
    /// Decides for many customers on one session, one customer at a time (inserted, fired, then retracted with the
    /// facts its rules asserted): a session is not opened per customer, and no join ever compares one customer's
    /// derived facts with another's (holding a thousand customers at once made that join quadratic).
    /// </summary>
    public IReadOnlyList<RuleSetOutcome> EvaluateMany(IReadOnlyList<(CustomerFeatures Features, CustomerScores Scores)> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var session = factory.CreateSession();
        var outcomes = new RuleSetOutcome[customers.Count];
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = new CustomerFact(customers[i].Features, customers[i].Scores);
            session.Insert(customer);
            session.Fire(FiringLimit);
            session.Retract(customer);
            session.RetractAll(customer.Decision.Asserted);
            outcomes[i] = Decide(customer);
        }

        return outcomes;
    }

    private RuleSetOutcome Decide(CustomerFact customer)
    {
        var decision = customer.Decision;
        var ranked = decision.FiredRules.Distinct().OrderByDescending(r => r.Priority).ThenBy(r => r.Index).ToList();
        var winner = ranked.FirstOrDefault();
        return new RuleSetOutcome(
            winner?.Name ?? RuleSetCompiler.NoRulePort,
            winner is null ? null : decision.OutputOf(winner),
            () => [.. rules.Select(r => new RuleResult(r.Name, decision.HasFired(r), decision.OutputOf(r), null))],
            () => decision.Explain(customer)) with
        {
            Values = decision.Values,
            Starts = ranked.FirstOrDefault(r => r.Starts.Count > 0)?.Starts ?? [],
            SuppressedBy = decision.SuppressedBy?.Name,
            Suppression = decision.SuppressedBy?.Suppress,
        };
    }
}
