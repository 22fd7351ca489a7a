using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Tests.Workflows;

public sealed class AbTestTests
{
    [Fact]
    public void Equal_results_leave_each_variant_about_even_odds_of_being_best()
    {
        var best = WinProbability.Best([(200, 20), (200, 20)]);

        Assert.InRange(best[0], 0.45, 0.55);
        Assert.Equal(1, best.Sum(), 6);
    }

    [Fact]
    public void A_clearly_better_variant_is_best_with_high_probability_and_a_small_lead_is_not()
    {
        Assert.True(WinProbability.Best([(60, 3), (60, 24)])[1] > 0.99);
        Assert.InRange(WinProbability.Best([(100, 10), (100, 12)])[1], 0.55, 0.85);
    }

    [Fact]
    public void The_same_counts_give_the_same_probability_in_every_process()
    {
        Assert.Equal(WinProbability.Best([(50, 5), (50, 9), (50, 7)]), WinProbability.Best([(50, 5), (50, 9), (50, 7)]));
    }

    [Fact]
    public void An_ab_test_needs_a_goal_to_measure_against_and_sensible_settings()
    {
        var definition = WorkflowJson.Parse("""
            {
              "id": "ab", "name": "A/B", "trigger": { "type": "event", "event": "purchase" },
              "activities": [ { "id": "test", "type": "abTest", "variants": [ { "port": "a", "percent": 50 }, { "port": "b", "percent": 40 } ], "confidence": 1.5, "minCustomersPerVariant": 0 } ]
            }
            """);

        var problems = WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(definition));

        Assert.Contains(problems, p => p.Field == "goal" && p.Message.Contains("set a goal", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "activities[test].variants" && p.Message.Contains("not 100", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "activities[test].confidence");
        Assert.Contains(problems, p => p.Field == "activities[test].minCustomersPerVariant");

        var fixedUp = WorkflowJson.Parse("""
            {
              "id": "ab", "name": "A/B", "trigger": { "type": "event", "event": "signup" }, "goal": { "event": "purchase" },
              "activities": [ { "id": "test", "type": "abTest", "variants": [ { "port": "a", "percent": 50 }, { "port": "b", "percent": 50 } ] } ]
            }
            """);
        Assert.Empty(WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(fixedUp)));
    }
}
