namespace Automation.Engine.Scoring;

/// <summary>Quintile cut points over the buying population: a value's score is 1 + the number of cut points it passes.</summary>
public sealed record RfmBoundaries(double[] Recency, double[] Frequency, double[] Monetary)
{
    public static RfmBoundaries From(IReadOnlyCollection<(double DaysSincePurchase, double Purchases, double Monetary)> buyers)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        return new RfmBoundaries(
            Quintiles(buyers.Select(b => b.DaysSincePurchase)),
            Quintiles(buyers.Select(b => b.Purchases)),
            Quintiles(buyers.Select(b => b.Monetary)));
    }

    /// <summary>Recency: fewer days since the last purchase is better.</summary>
    public int RecencyScore(double days) => 5 - Recent(days);

    public int FrequencyScore(double purchases) => 1 + Frequency.Length - Frequency.Count(c => purchases <= c);

    public int MonetaryScore(double monetary) => 1 + Monetary.Length - Monetary.Count(c => monetary <= c);

    private int Recent(double days) => Recency.Count(c => days > c);

    private static double[] Quintiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return [0, 0, 0, 0];
        }

        return [.. new[] { 0.2, 0.4, 0.6, 0.8 }.Select(q => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))])];
    }
}
