using Automation.Engine.Expressions;
using Automation.Engine.Profiles;

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
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("Features.GetType().Assembly != null")]
    public void Expressions_cannot_reach_outside_the_profile(string text)
    {
        Assert.False(compiler.TryCompile(text, out _, out var problems));
        Assert.NotEmpty(problems);
    }
}
