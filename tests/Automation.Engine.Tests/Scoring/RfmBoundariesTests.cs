using Automation.Engine.Scoring;

namespace Automation.Engine.Tests.Scoring;

public sealed class RfmBoundariesTests
{
    private static readonly RfmBoundaries Boundaries = RfmBoundaries.From(
        Enumerable.Range(1, 100).Select(i => (DaysSincePurchase: (double)i, Purchases: (double)i, Monetary: i * 10.0)).ToList());

    [Fact]
    public void The_most_recent_fifth_of_buyers_gets_recency_5_and_the_oldest_fifth_gets_1()
    {
        Assert.Equal(5, Boundaries.RecencyScore(3));
        Assert.Equal(1, Boundaries.RecencyScore(97));
    }

    [Fact]
    public void The_most_frequent_and_biggest_spenders_get_5()
    {
        Assert.Equal(5, Boundaries.FrequencyScore(95));
        Assert.Equal(1, Boundaries.FrequencyScore(2));
        Assert.Equal(5, Boundaries.MonetaryScore(990));
        Assert.Equal(1, Boundaries.MonetaryScore(15));
    }

    [Fact]
    public void Scores_split_buyers_into_five_equal_groups()
    {
        var groups = Enumerable.Range(1, 100).GroupBy(i => Boundaries.FrequencyScore(i)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([1, 2, 3, 4, 5], groups.Keys.Order());
        Assert.All(groups.Values, count => Assert.InRange(count, 19, 21));
    }

    [Theory]
    [InlineData(5, 5, "Champions")]
    [InlineData(3, 4, "Loyal")]
    [InlineData(4, 2, "Potential loyalists")]
    [InlineData(5, 1, "New customers")]
    [InlineData(4, 1, "Promising")]
    [InlineData(3, 3, "Need attention")]
    [InlineData(3, 1, "About to sleep")]
    [InlineData(1, 5, "Can't lose them")]
    [InlineData(2, 4, "At risk")]
    [InlineData(1, 3, "At risk")]
    [InlineData(2, 2, "Hibernating")]
    [InlineData(1, 1, "Lost")]
    [InlineData(0, 0, null)]
    public void Scores_read_as_the_segment_names_marketers_use(int recency, int frequency, string? name) =>
        Assert.Equal(name, RfmSegments.Name(recency, frequency));
}
