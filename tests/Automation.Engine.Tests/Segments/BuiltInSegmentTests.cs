using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring;
using Automation.Engine.Segments;
using Automation.Storage.Events;
using Automation.Storage.Segments;

namespace Automation.Engine.Tests.Segments;

public sealed class BuiltInSegmentTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private readonly ProfileExpressionCompiler compiler = new();

    [Fact]
    public void Every_shipped_segment_compiles_and_has_a_unique_key()
    {
        var all = BuiltInSegments.All();

        Assert.All(all, s => Assert.True(compiler.TryCompile(s.Expression, out _, out var problems), $"{s.Key}: {string.Join("; ", problems.Select(p => p.Message))}"));
        Assert.Equal(all.Count, all.Select(s => s.Key).Distinct().Count());
    }

    [Theory]
    [InlineData("Champions", "rfm-champions")]
    [InlineData("Can't lose them", "rfm-cant-lose-them")]
    [InlineData("Need attention", "rfm-need-attention")]
    public void Each_rfm_name_has_a_segment_that_holds_exactly_its_customers(string rfmName, string key)
    {
        var segment = Compiled(key);

        Assert.True(segment.Expression.Evaluate(new CustomerFeatures(), new CustomerScores { RfmSegment = rfmName }));
        Assert.All(RfmSegments.All.Where(n => n != rfmName), other => Assert.False(segment.Expression.Evaluate(new CustomerFeatures(), new CustomerScores { RfmSegment = other })));
    }

    [Fact]
    public void An_oscillating_churn_score_enters_once_and_leaves_once()
    {
        var segments = new[] { Compiled("churn-risk-high") };
        var memberships = new Dictionary<string, SegmentMembership>();
        var changes = new List<MembershipChange>();
        foreach (var score in new[] { 0.5, 0.72, 0.66, 0.71, 0.62, 0.69, 0.61, 0.55, 0.65, 0.58 })
        {
            changes.AddRange(SegmentEvaluator.Evaluate(segments, new CustomerFeatures { CustomerId = "c1" }, new CustomerScores { ChurnRisk = score }, memberships, Now));
        }

        Assert.Equal([true, false], changes.Select(c => c.Entered));
        Assert.Contains(changes[0].Reasons, r => r.Feature == "Scores.ChurnRisk" && r.Value == "0.72");
    }

    [Fact]
    public void Comparison_views_and_discount_clicks_make_a_customer_price_sensitive()
    {
        var counts = DailyCounts.Parse(null);
        PriceSignals.Count(counts, new StoredEvent { EventId = "1", CustomerId = "c1", Type = "page_view", Timestamp = Now, PropertiesJson = """{"url":"/compare/pro-vs-team"}""" });
        PriceSignals.Count(counts, new StoredEvent { EventId = "2", CustomerId = "c1", Type = "email_click", Timestamp = Now, PropertiesJson = """{"link":"https://shop.test/summer-SALE"}""" });
        PriceSignals.Count(counts, new StoredEvent { EventId = "3", CustomerId = "c1", Type = "page_view", Timestamp = Now, PropertiesJson = """{"url":"/blog"}""" });
        var features = new CustomerFeatures { ComparisonViews30d = counts.Sum(Counter.ComparisonViews, Now, 30), DiscountClicks30d = counts.Sum(Counter.DiscountClicks, Now, 30) };

        Assert.Equal((1, 1), (features.ComparisonViews30d, features.DiscountClicks30d));
        Assert.True(Compiled("price-sensitive").Expression.Evaluate(features, new CustomerScores()));
        Assert.False(Compiled("price-sensitive").Expression.Evaluate(new CustomerFeatures { ComparisonViews30d = 1 }, new CustomerScores()));
    }

    [Fact]
    public void A_reader_whose_opens_stopped_this_week_is_a_dormant_subscriber()
    {
        var segment = Compiled("dormant-subscribers");

        Assert.True(segment.Expression.Evaluate(new CustomerFeatures { HasEmail = true, EmailOpens30d = 4, EmailOpens7d = 0 }, new CustomerScores()));
        Assert.False(segment.Expression.Evaluate(new CustomerFeatures { HasEmail = true, EmailOpens30d = 4, EmailOpens7d = 1 }, new CustomerScores()));
        Assert.False(segment.Expression.Evaluate(new CustomerFeatures { HasEmail = true, EmailOpens30d = 4, Unsubscribed = true }, new CustomerScores()));
    }

    private CompiledSegment Compiled(string key)
    {
        var definition = BuiltInSegments.All().Single(s => s.Key == key);
        return new CompiledSegment(definition, compiler.Compile(definition.Expression));
    }
}
