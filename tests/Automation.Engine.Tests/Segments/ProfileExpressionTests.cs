using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Tests.Expressions;

namespace Automation.Engine.Tests.Segments;

public sealed class ProfileExpressionTests
{
    private readonly ProfileExpressionCompiler compiler = new();

    [Fact]
    public void Customer_who_views_pricing_twice_without_buying_meets_the_high_intent_expression()
    {
        var expression = compiler.Compile("Features.PricingViews7d >= 2 && Features.Purchases == 0");

        Assert.True(expression.Evaluate(new CustomerFeatures { PricingViews7d = 2 }, new CustomerScores()));
        Assert.False(expression.Evaluate(new CustomerFeatures { PricingViews7d = 1 }, new CustomerScores()));
        Assert.False(expression.Evaluate(new CustomerFeatures { PricingViews7d = 3, Purchases = 1 }, new CustomerScores()));
    }

    [Fact]
    public void Unknown_feature_is_reported_with_its_position()
    {
        Assert.False(compiler.TryCompile("Features.Purchases > 1 && Features.Bogus", out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.NotNull(problem.Position);
        Assert.InRange(problem.Position!.Value, 26, 45);
    }

    [Theory]
    [InlineData("Features.Purchases > \"three\"")]
    [InlineData("Features.Purchases + 1")]
    [InlineData("Features.Purchases >= 2 &&")]
    public void Wrong_types_and_broken_syntax_are_refused_with_a_reason(string text)
    {
        Assert.False(compiler.TryCompile(text, out _, out var problems));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Theory]
    [MemberData(nameof(SandboxPayloads.All), MemberType = typeof(SandboxPayloads))]
    public void Expressions_cannot_reach_outside_the_profile(string text)
    {
        Assert.False(compiler.TryCompile(text, out var compiled, out var problems));
        Assert.Null(compiled);
        Assert.NotEmpty(problems);
    }

    [Theory]
    [InlineData("Math.Abs(Scores.ChurnRisk - 0.5) < 0.2")]
    [InlineData("Features.CustomerId.StartsWith(\"vip-\") || ExpressionHelpers.Is(Scores.RfmSegment, \"Champions\")")]
    [InlineData("DateTime.UtcNow > DateTime(2020, 1, 1) && TimeSpan.FromDays(Features.DaysInactive).TotalDays >= 0")]
    public void The_allowed_vocabulary_compiles(string text) =>
        Assert.True(compiler.TryCompile(text, out _, out var problems), string.Join("; ", problems.Select(p => p.Message)));
}
