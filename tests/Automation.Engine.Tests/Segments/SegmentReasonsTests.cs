using System.Text.Json;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Segments;
using Automation.Plugins.Sdk;
using Automation.Storage.Segments;

namespace Automation.Engine.Tests.Segments;

public sealed class SegmentReasonsTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
    private readonly ProfileExpressionCompiler compiler = new();

    [Fact]
    public void Customers_entering_with_the_same_values_share_one_reasons_text_and_others_get_their_own()
    {
        var segments = new[] { Segment("big-spenders", "Features.Monetary >= 100 && Features.Purchases > 0") };

        var first = Enter(segments, new CustomerFeatures { CustomerId = "c1", Monetary = 150, Purchases = 2 });
        var second = Enter(segments, new CustomerFeatures { CustomerId = "c2", Monetary = 150, Purchases = 2 });
        var other = Enter(segments, new CustomerFeatures { CustomerId = "c3", Monetary = 250.5, Purchases = 2 });

        Assert.Same(first.ReasonsJson, second.ReasonsJson);
        Assert.Equal(("c1", "c2"), (first.CustomerId, second.CustomerId));
        Assert.Equal(["150", "2"], Reasons(first).Select(r => r.Value));
        Assert.Equal(["250.5", "2"], Reasons(other).Select(r => r.Value));
        Assert.Equal("monetary: 250.5", Reasons(other)[0].Text);
    }

    [Fact]
    public void Entry_reasons_read_as_the_values_the_customer_had()
    {
        var segments = new[] { Segment("churning", "Scores.ChurnRisk >= 0.5 && Features.HasAbandonedCart") };
        var memberships = new Dictionary<string, SegmentMembership>(StringComparer.Ordinal);

        var changes = SegmentEvaluator.Evaluate(segments, new CustomerFeatures { CustomerId = "c1", HasAbandonedCart = true }, new CustomerScores { ChurnRisk = 0.81234 }, memberships, Now);

        Assert.Equal(["0.812", "true"], changes.Single().Reasons.Select(r => r.Value).Order(StringComparer.Ordinal));
        Assert.Equal(changes.Single().Reasons.Select(r => r.Text), Reasons(memberships["churning"]).Select(r => r.Text));
    }

    private static SegmentMembership Enter(CompiledSegment[] segments, CustomerFeatures features)
    {
        var memberships = new Dictionary<string, SegmentMembership>(StringComparer.Ordinal);
        Assert.Single(SegmentEvaluator.Evaluate(segments, features, new CustomerScores(), memberships, Now));
        return memberships.Values.Single();
    }

    private static List<ReasonCode> Reasons(SegmentMembership membership) => JsonSerializer.Deserialize<List<ReasonCode>>(membership.ReasonsJson)!;

    private CompiledSegment Segment(string key, string expression) =>
        new(new SegmentDefinitionRecord { Key = key, Name = key, Expression = expression }, compiler.Compile(expression));
}
