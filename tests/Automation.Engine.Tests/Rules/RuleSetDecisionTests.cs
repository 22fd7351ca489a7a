using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;

namespace Automation.Engine.Tests.Rules;

/// <summary>What NRules decides for a customer and how the decision explains itself.</summary>
public sealed class RuleSetDecisionTests
{
    private const string Concierge = """
        {
          "rules": [
            { "ruleName": "vip-at-risk", "expression": "Features.Monetary >= 1000 && Scores.ChurnRisk >= 0.7", "assert": [ "priority-high" ] },
            { "ruleName": "call-them", "requires": [ "priority-high" ], "priority": 10, "set": { "channel": "phone" } },
            { "ruleName": "ticket-open", "expression": "Features.SupportTickets30d >= 1", "suppress": "an open support ticket", "priority": 5 },
            { "ruleName": "mail-them", "expression": "Features.Monetary >= 100", "set": { "channel": "email", "offer": "10%" } },
            { "ruleName": "quiet", "operator": "Not", "rules": [ { "ruleName": "bought", "expression": "Features.Purchases > 0" } ] }
          ]
        }
        """;

    private readonly RuleSetCompiler compiler = new(new ProfileExpressionCompiler());

    private CompiledRuleSet Compile(string json)
    {
        Assert.True(compiler.TryCompile("test", json, out var ruleSet, out var problems), string.Join("; ", problems));
        return ruleSet!;
    }

    [Fact]
    public void A_derived_fact_asserted_by_one_rule_routes_the_customer_by_another()
    {
        var outcome = Compile(Concierge).Evaluate(new CustomerFeatures { Monetary = 2500, Purchases = 4 }, new CustomerScores { ChurnRisk = 0.8 });

        Assert.Equal("call-them", outcome.Port);
        Assert.Equal("phone", outcome.Values["channel"]);
        Assert.Equal("10%", outcome.Values["offer"]);
        var call = Assert.Single(outcome.Fired, f => f.Rule == "call-them");
        Assert.Contains("priority-high, asserted by vip-at-risk", call.Matched);
        var vip = Assert.Single(outcome.Fired, f => f.Rule == "vip-at-risk");
        Assert.Equal(["Features.Monetary = 2500", "Scores.ChurnRisk = 0.8"], vip.Matched);
        Assert.True(outcome.Fired.ToList().FindIndex(f => f.Rule == "vip-at-risk") < outcome.Fired.ToList().FindIndex(f => f.Rule == "call-them"));
    }

    [Fact]
    public void The_highest_priority_rule_that_fired_names_the_port_and_a_suppression_says_which_rule()
    {
        var outcome = Compile(Concierge).Evaluate(new CustomerFeatures { Monetary = 300, Purchases = 1, SupportTickets30d = 1 }, new CustomerScores());

        Assert.Equal("ticket-open", outcome.Port);
        Assert.Equal("ticket-open", outcome.SuppressedBy);
        Assert.Equal("an open support ticket", outcome.Suppression);
        Assert.Equal(["ticket-open", "mail-them"], outcome.Fired.Select(f => f.Rule));
        Assert.Equal("email", outcome.Values["channel"]);
    }

    [Fact]
    public void A_not_group_holds_when_none_of_its_rules_does()
    {
        var ruleSet = Compile(Concierge);

        Assert.Equal("quiet", ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores()).Port);
        Assert.Equal("none", ruleSet.Evaluate(new CustomerFeatures { Purchases = 1 }, new CustomerScores()).Port);
    }

    [Fact]
    public void The_journal_line_names_the_version_port_and_each_fired_rule_with_what_it_matched()
    {
        var ruleSet = Compile(Concierge).WithVersion(3);

        var line = RuleSetJournal.Summary(ruleSet, ruleSet.Evaluate(new CustomerFeatures { Monetary = 150, Purchases = 2 }, new CustomerScores()));

        Assert.Equal("test v3: mail-them [channel = email, offer = 10%] (fired: mail-them (Features.Monetary = 150))", line);
    }

    [Fact]
    public void A_chain_that_fires_forever_is_stopped_by_the_firing_limit_with_the_rule_named()
    {
        var ruleSet = Compile("""
            { "rules": [
                { "ruleName": "start", "expression": "Features.Purchases > 3", "assert": [ "tick" ] },
                { "ruleName": "again", "requires": [ "tick" ], "assert": [ "tick" ] }
            ] }
            """);

        var error = Assert.Throws<RuleSetEvaluationException>(() => ruleSet.Evaluate(new CustomerFeatures { Purchases = 5 }, new CustomerScores()));

        Assert.Contains($"stopped after {CompiledRuleSet.FiringLimit} firings: rule 'again' keeps firing", error.Message, StringComparison.Ordinal);
        Assert.Equal("none", ruleSet.Evaluate(new CustomerFeatures { Purchases = 1 }, new CustomerScores()).Port);
    }

    [Fact]
    public void A_rule_that_throws_for_one_customer_fails_that_evaluation_with_the_cause()
    {
        var ruleSet = Compile("""{ "rules": [ { "ruleName": "ratio", "expression": "Features.Purchases > 0 && 10 / (Features.Purchases - 1) > 1" } ] }""");

        var error = Assert.Throws<RuleSetEvaluationException>(() => ruleSet.Evaluate(new CustomerFeatures { Purchases = 1 }, new CustomerScores()));

        Assert.Contains("rule set 'test' v0", error.Message, StringComparison.Ordinal);
        Assert.Contains("DivideByZeroException", error.Message, StringComparison.Ordinal);
        Assert.Equal("ratio", ruleSet.Evaluate(new CustomerFeatures { Purchases = 2 }, new CustomerScores()).Port);
    }

    [Fact]
    public void Outcomes_are_checked_with_their_paths()
    {
        const string broken = """
            { "rules": [
                { "ruleName": "a", "expression": "true", "requires": [ "nobody-asserts-this" ], "priority": 5000 },
                { "ruleName": "b", "expression": "true", "assert": [ "no spaces allowed" ], "set": { "bad name": "x" } },
                { "ruleName": "c", "operator": "All", "rules": [ { "ruleName": "d", "expression": "true", "suppress": "nested" } ] }
            ] }
            """;

        Assert.False(compiler.TryCompile("broken", broken, out _, out var problems));

        var fields = problems.Select(p => p.Field).ToList();
        Assert.Contains("rules[0].requires[0]", fields);
        Assert.Contains("rules[0].priority", fields);
        Assert.Contains("rules[1].assert[0]", fields);
        Assert.Contains("rules[1].set.bad name", fields);
        Assert.Contains("rules[2].operator", fields);
        Assert.Contains("rules[2].rules[0]", fields);
    }

    [Fact]
    public void Many_customers_in_one_session_each_get_their_own_decision()
    {
        var ruleSet = Compile(Concierge);

        var outcomes = ruleSet.EvaluateMany([
            (new CustomerFeatures { Monetary = 2500, Purchases = 4 }, new CustomerScores { ChurnRisk = 0.8 }),
            (new CustomerFeatures { Monetary = 150, Purchases = 2 }, new CustomerScores()),
            (new CustomerFeatures(), new CustomerScores()),
        ]);

        Assert.Equal(["call-them", "mail-them", "quiet"], outcomes.Select(o => o.Port));
        Assert.DoesNotContain(outcomes[1].Fired, f => f.Rule == "call-them");
    }

    [Fact]
    public void In_one_session_a_customers_required_and_excluded_facts_are_only_their_own()
    {
        var ruleSet = Compile("""
            { "rules": [
                { "ruleName": "vip", "expression": "Features.Monetary >= 1000", "assert": [ "vip" ] },
                { "ruleName": "at-risk", "expression": "Scores.ChurnRisk >= 0.7", "assert": [ "at-risk" ] },
                { "ruleName": "ticket", "expression": "Features.SupportTickets30d >= 1", "assert": [ "ticket" ], "priority": 20 },
                { "ruleName": "call-vip-at-risk", "requires": [ "vip", "at-risk" ], "unless": [ "ticket" ], "priority": 10 },
                { "ruleName": "thank-vip", "requires": [ "vip" ], "expression": "Features.Purchases >= 2", "priority": 5 }
            ] }
            """);
        (CustomerFeatures, CustomerScores)[] customers = [
            (new CustomerFeatures { Monetary = 2000, Purchases = 3 }, new CustomerScores { ChurnRisk = 0.9 }),
            (new CustomerFeatures { Monetary = 2000, Purchases = 1, SupportTickets30d = 2 }, new CustomerScores { ChurnRisk = 0.9 }),
            (new CustomerFeatures { Monetary = 10 }, new CustomerScores { ChurnRisk = 0.9 }),
            (new CustomerFeatures { Monetary = 5000, Purchases = 2 }, new CustomerScores()),
        ];

        var together = ruleSet.EvaluateMany(customers);

        Assert.Equal(["call-vip-at-risk", "ticket", "at-risk", "thank-vip"], together.Select(o => o.Port));
        Assert.Equal(customers.Select(c => ruleSet.Evaluate(c.Item1, c.Item2).Explanation), together.Select(o => o.Explanation));
        var call = Assert.Single(together[0].Fired, f => f.Rule == "call-vip-at-risk");
        Assert.Equal(["vip, asserted by vip", "at-risk, asserted by at-risk"], call.Matched);
    }

    [Fact]
    public void A_fact_asserted_after_the_rule_that_requires_it_fired_for_others_still_routes_its_customer_once_per_fact()
    {
        // "early" asserts first (priority 5), "call" then fires for its customers (priority 1); "late" (priority 0)
        // asserts for more customers afterwards, so "call" has to fire again for those only.
        var ruleSet = Compile("""
            { "rules": [
                { "ruleName": "early", "expression": "Features.Monetary >= 1000", "assert": [ "priority-high" ], "priority": 5 },
                { "ruleName": "call", "requires": [ "priority-high" ], "priority": 1, "set": { "channel": "phone" } },
                { "ruleName": "late", "expression": "Scores.ChurnRisk >= 0.7", "assert": [ "priority-high" ] }
            ] }
            """);
        (CustomerFeatures, CustomerScores)[] customers = [
            (new CustomerFeatures { Monetary = 2000 }, new CustomerScores()),
            (new CustomerFeatures { Monetary = 10 }, new CustomerScores { ChurnRisk = 0.9 }),
            (new CustomerFeatures { Monetary = 2000 }, new CustomerScores { ChurnRisk = 0.9 }),
            (new CustomerFeatures { Monetary = 10 }, new CustomerScores()),
        ];

        var together = ruleSet.EvaluateMany(customers);

        Assert.Equal(["early", "call", "late", "call"], together[2].Fired.Select(f => f.Rule));
        Assert.Equal(["priority-high, asserted by early"], together[2].Fired[1].Matched);
        Assert.Equal(["priority-high, asserted by late"], together[2].Fired[3].Matched);
        Assert.Equal(["early", "call"], together[0].Fired.Select(f => f.Rule));
        Assert.Equal(["late", "call"], together[1].Fired.Select(f => f.Rule));
        Assert.Empty(together[3].Fired);
        Assert.Equal(["early", "call", "early", "none"], together.Select(o => o.Port));
        Assert.Equal(customers.Select(c => ruleSet.Evaluate(c.Item1, c.Item2).Explanation), together.Select(o => o.Explanation));
    }

    [Fact]
    public void Rules_with_the_same_condition_each_fire_for_every_customer_in_one_session()
    {
        var ruleSet = Compile("""
            { "rules": [
                { "ruleName": "big", "expression": "Features.Monetary >= 1000", "assert": [ "vip" ], "priority": 2 },
                { "ruleName": "big-too", "expression": "Features.Monetary >= 1000", "assert": [ "vip" ], "priority": 1 },
                { "ruleName": "thank", "requires": [ "vip" ], "priority": 3 },
                { "ruleName": "thank-too", "requires": [ "vip" ] }
            ] }
            """);
        (CustomerFeatures, CustomerScores)[] customers = [
            (new CustomerFeatures { Monetary = 2000 }, new CustomerScores()),
            (new CustomerFeatures { Monetary = 10 }, new CustomerScores()),
            (new CustomerFeatures { Monetary = 5000 }, new CustomerScores()),
        ];

        var together = ruleSet.EvaluateMany(customers);

        Assert.Equal(["big", "thank", "big-too", "thank", "thank-too", "thank-too"], together[0].Fired.Select(f => f.Rule));
        Assert.Equal(together[0].Explanation.Replace("2000", "5000", StringComparison.Ordinal), together[2].Explanation);
        Assert.Empty(together[1].Fired);
        Assert.Equal(customers.Select(c => ruleSet.Evaluate(c.Item1, c.Item2).Explanation), together.Select(o => o.Explanation));
    }

    [Fact]
    public void In_one_session_a_runaway_chain_or_a_failing_condition_fails_only_its_customer()
    {
        var ruleSet = Compile("""
            { "rules": [
                { "ruleName": "start", "expression": "Features.Purchases > 3", "assert": [ "tick" ] },
                { "ruleName": "again", "requires": [ "tick" ], "assert": [ "tick" ] },
                { "ruleName": "ratio", "expression": "Features.PageViews30d > 0 && 10 / (Features.PageViews30d - 1) > 1" }
            ] }
            """);

        var chained = ruleSet.EvaluateMany([
            (new CustomerFeatures { Purchases = 5 }, new CustomerScores()),
            (new CustomerFeatures { PageViews30d = 3 }, new CustomerScores()),
        ]);
        var failing = ruleSet.EvaluateMany([
            (new CustomerFeatures { PageViews30d = 1 }, new CustomerScores()),
            (new CustomerFeatures { PageViews30d = 2 }, new CustomerScores()),
        ]);

        Assert.Contains("rule 'again' keeps firing", chained[0].Error, StringComparison.Ordinal);
        Assert.Equal(("ratio", null), (chained[1].Port, chained[1].Error));
        Assert.Contains("DivideByZeroException", failing[0].Error, StringComparison.Ordinal);
        Assert.Equal(("ratio", null), (failing[1].Port, failing[1].Error));
    }

    [Fact]
    public void A_decision_rule_set_picks_the_workflows_of_its_highest_priority_rule_that_names_any()
    {
        var ruleSet = Compile("""
            { "decides": { "trigger": "segment.entered", "segment": "at-risk" },
              "rules": [
                { "ruleName": "winback", "expression": "Features.Purchases >= 1", "start": [ "at-risk-winback" ] },
                { "ruleName": "concierge", "expression": "Features.Monetary >= 1000", "priority": 5, "start": [ "vip-concierge" ] }
            ] }
            """);

        Assert.Equal(("segment.entered", "at-risk"), ruleSet.Decides);
        Assert.Equal(["vip-concierge"], ruleSet.Evaluate(new CustomerFeatures { Purchases = 3, Monetary = 2000 }, new CustomerScores()).Starts);
        Assert.Equal(["at-risk-winback"], ruleSet.Evaluate(new CustomerFeatures { Purchases = 1, Monetary = 50 }, new CustomerScores()).Starts);
        Assert.Empty(ruleSet.Evaluate(new CustomerFeatures(), new CustomerScores()).Starts);
    }

    [Fact]
    public void Only_a_decision_rule_set_starts_workflows()
    {
        Assert.False(compiler.TryCompile("x", """{ "rules": [ { "ruleName": "a", "expression": "true", "start": [ "w" ] } ] }""", out _, out var problems));

        Assert.Equal("rules[0].start", Assert.Single(problems).Field);
    }
}
