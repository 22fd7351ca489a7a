using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Automation.Engine.Tests.Expressions;

namespace Automation.Engine.Tests.Rules;

public sealed class RuleSetCompilerTests
{
    private const string Tiers = """
        {
          "globalParams": [ { "name": "views", "expression": "Features.ProductViews30d + Features.PricingViews30d" } ],
          "rules": [
            {
              "ruleName": "hot",
              "operator": "AndAlso",
              "localParams": [ { "name": "spend", "expression": "Features.Monetary" } ],
              "rules": [
                { "ruleName": "bought", "expression": "spend >= 100" },
                { "ruleName": "looking", "expression": "views >= 5" }
              ],
              "actions": { "onSuccess": { "name": "OutputExpression", "context": { "expression": "\"spent \" + spend" } } }
            },
            { "ruleName": "warm", "operator": "OrElse", "rules": [
                { "ruleName": "cart", "expression": "Features.CartAdds30d >= 1" },
                { "ruleName": "pricing", "expression": "Features.PricingViews30d >= 2" } ] },
            { "ruleName": "cold", "expression": "views == 0", "enabled": false }
          ]
        }
        """;

    private readonly RuleSetCompiler compiler = new(new ProfileExpressionCompiler());

    [Theory]
    [InlineData(500, 6, 0, "hot")]
    [InlineData(500, 1, 0, "none")]
    [InlineData(0, 3, 1, "warm")]
    [InlineData(20, 10, 0, "none")]
    public void Customers_go_by_the_first_rule_that_holds(double monetary, int productViews, int cartAdds, string port)
    {
        Assert.True(compiler.TryCompile("tiers", Tiers, out var ruleSet, out var problems), string.Join("; ", problems));

        var outcome = ruleSet!.Evaluate(new CustomerFeatures { Monetary = monetary, ProductViews30d = productViews, CartAdds30d = cartAdds }, new CustomerScores());

        Assert.Equal(port, outcome.Port);
        Assert.Equal(["hot", "warm", "cold", "none"], ruleSet.Ports);
    }

    [Fact]
    public void A_rule_that_holds_carries_its_output()
    {
        compiler.TryCompile("tiers", Tiers, out var ruleSet, out _);

        var outcome = ruleSet!.Evaluate(new CustomerFeatures { Monetary = 250, ProductViews30d = 9 }, new CustomerScores());

        Assert.Equal("spent 250", outcome.Output);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_field()
    {
        const string broken = """
            { "rules": [
                { "ruleName": "a", "expression": "Features.Bogus > 1" },
                { "ruleName": "b", "operator": "Xor", "rules": [ { "expression": "Features.Purchases > 0" } ] },
                { "ruleName": "a", "expression": "true", "actions": { "onSuccess": { "name": "EvaluateRule", "context": { "workflowName": "x" } } } }
            ] }
            """;

        Assert.False(compiler.TryCompile("broken", broken, out _, out var problems));

        var fields = problems.Select(p => p.Field).ToList();
        Assert.Contains("rules[0].expression", fields);
        Assert.Contains("rules[1].operator", fields);
        Assert.Contains("rules[1].rules[0].ruleName", fields);
        Assert.Contains("rules[2].actions.onSuccess.name", fields);
        Assert.Contains(problems, p => p.Field == "rules" && p.Message.Contains("'a'", StringComparison.Ordinal));
        Assert.NotNull(problems.First(p => p.Field == "rules[0].expression").Position);
    }

    [Fact]
    public void Injected_workflows_and_unknown_fields_are_refused()
    {
        Assert.False(compiler.TryCompile("x", """{ "rules": [ { "ruleName": "a", "expression": "true", "workflowsToInject": ["other"] } ] }""", out _, out var problems));

        Assert.Contains("workflowsToInject", Assert.Single(problems).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(SandboxPayloads.All), MemberType = typeof(SandboxPayloads))]
    public void Rules_params_and_outputs_are_held_to_the_expression_sandbox(string payload)
    {
        var escaped = System.Text.Json.JsonEncodedText.Encode(payload).ToString();
        var asRule = $$"""{ "rules": [ { "ruleName": "a", "expression": "{{escaped}}" } ] }""";
        var asParam = $$"""{ "globalParams": [ { "name": "p", "expression": "{{escaped}}" } ], "rules": [ { "ruleName": "a", "expression": "true" } ] }""";
        var asOutput = $$"""{ "rules": [ { "ruleName": "a", "expression": "true", "actions": { "onSuccess": { "name": "OutputExpression", "context": { "expression": "{{escaped}}" } } } } ] }""";

        Assert.False(compiler.TryCompile("x", asRule, out _, out _));
        Assert.False(compiler.TryCompile("x", asParam, out _, out _));
        Assert.False(compiler.TryCompile("x", asOutput, out _, out _));
    }
}
