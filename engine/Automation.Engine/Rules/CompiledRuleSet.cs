using Automation.Engine.Profiles;
using NRules;

namespace Automation.Engine.Rules;

/// <summary>
/// A checked rule set and its NRules session factory (the compiled Rete network), built once per stored version and
/// shared: each evaluation opens a session, inserts the customer, fires the rules up to the firing limit and reads
/// the decision back with its explanation; many customers can share one session (EvaluateMany).
/// </summary>
public sealed class CompiledRuleSet
{
    /// <summary>More firings than this for one customer means a chain of rules that asserts facts forever.</summary>
    public const int FiringLimit = 1000;

    private readonly ISessionFactory factory;

    // The same rules for sessions of many customers: a rule collects its matches, one activation per session.
    private readonly ISessionFactory manyFactory;
    private readonly IReadOnlyList<CompiledRule> rules;

    internal CompiledRuleSet(string key, IReadOnlyList<string> ports, IReadOnlyList<CompiledRule> rules, ISessionFactory factory, TimeSpan compileTime, ISessionFactory? manyFactory = null)
    {
        this.manyFactory = manyFactory ?? factory;
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

    /// <summary>How long NRules took to build the session factories (for one customer and for many).</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>For a decision rule set, the crossing it decides at ("segment.entered", "at-risk"); null otherwise.</summary>
    public (string Trigger, string Key)? Decides { get; init; }

    /// <summary>The plugin that ships this rule set (read-only, written in C#); null for a stored one.</summary>
    public string? Plugin { get; init; }

    /// <summary>A plugin rule set's name and description (a stored one keeps its own in the database).</summary>
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public CompiledRuleSet WithVersion(int version) => new(Key, Ports, rules, factory, CompileTime, manyFactory) { Version = version, Decides = Decides, Plugin = Plugin, Name = Name, Description = Description };

    /// <summary>Decides for one customer; a rule that throws or a runaway chain ends in a <see cref="RuleSetEvaluationException"/>.</summary>
    public RuleSetOutcome Evaluate(CustomerFeatures features, CustomerScores scores, RuleFacts? facts = null)
    {
        var customer = new CustomerFact(features, scores, facts, rules.Count);
        Run(factory, [customer]);
        if (customer.Decision.RanAway)
        {
            throw new RuleSetEvaluationException(RunawayMessage(customer));
        }

        return Decide(customer);
    }

    /// <summary>
    /// Decides for many customers on one session: all are inserted at once, so NRules propagates them through the
    /// network together, and most rules collect their matches and fire once for all of them (see RuleModelBuilder).
    /// A few hundred customers per session is best (the benchmark's 200): a larger batch no longer fits the
    /// processor's caches while each rule walks its matches. A customer whose rules run away or fail gets an outcome
    /// with the error; the others are decided as if alone.
    /// </summary>
    public IReadOnlyList<RuleSetOutcome> EvaluateMany(IReadOnlyList<(CustomerFeatures Features, CustomerScores Scores)> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var facts = new CustomerFact[customers.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            facts[i] = new CustomerFact(customers[i].Features, customers[i].Scores, null, rules.Count);
        }

        var outcomes = new RuleSetOutcome[facts.Length];
        try
        {
            Run(manyFactory, facts);
        }
        catch (RuleSetEvaluationException)
        {
            // A condition threw for someone in the batch: decide each customer alone to tell who.
            for (var i = 0; i < facts.Length; i++)
            {
                try
                {
                    outcomes[i] = Evaluate(customers[i].Features, customers[i].Scores);
                }
                catch (RuleSetEvaluationException ex)
                {
                    outcomes[i] = new RuleSetOutcome(RuleSetCompiler.NoRulePort, null) { Error = ex.Message };
                }
            }

            return outcomes;
        }

        for (var i = 0; i < facts.Length; i++)
        {
            outcomes[i] = facts[i].Decision.RanAway
                ? new RuleSetOutcome(RuleSetCompiler.NoRulePort, null) { Error = RunawayMessage(facts[i]) }
                : Decide(facts[i]);
        }

        return outcomes;
    }

    /// <summary>One session for these customers: insert them together, fire every activation, let the session go.</summary>
    private void Run(ISessionFactory network, CustomerFact[] customers)
    {
        var session = network.CreateSession();
        try
        {
            if (Plugin is null)
            {
                session.InsertAll(customers);
            }
            else
            {
                PluginFacts.Insert(session, customers, rules);
            }

            // Each customer's own chain stops at the firing limit (see RuleModelBuilder.Fire), so the agenda empties.
            session.Fire();
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
    }

    private string RunawayMessage(CustomerFact customer) =>
        $"rule set '{Key}' v{Version} stopped after {FiringLimit} firings: rule '{customer.Decision.MostFired()}' keeps firing (it asserts a fact that makes a rule fire again)";

    private RuleSetOutcome Decide(CustomerFact customer)
    {
        var decision = customer.Decision;
        var winner = decision.Winner;
        return new RuleSetOutcome(
            winner?.Name ?? RuleSetCompiler.NoRulePort,
            winner is null ? null : decision.OutputOf(winner),
            new OutcomeExplanation(rules, customer))
        {
            Starts = customer.Plugin is { } view ? [.. view.Starts] : decision.Starter?.Starts ?? [],
            Firings = decision.Firings,
            Tags = decision.Firings == 0 ? [] : decision.Tags,
            SuppressedBy = decision.SuppressedBy?.Name,
            Suppression = decision.Suppression,
        };
    }
}
