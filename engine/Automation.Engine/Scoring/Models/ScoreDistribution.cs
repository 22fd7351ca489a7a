namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A reference score distribution: decile edges of the scores a model gave when it was made, and the share of
/// customers between consecutive edges. Drift is the population stability index of today's scores against it.
/// </summary>
public sealed record ScoreDistribution(double[] Edges, double[] Shares)
{
    private const double Floor = 1e-4;

    public static ScoreDistribution From(IReadOnlyCollection<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sorted = scores.Order().ToArray();
        var edges = sorted.Length == 0
            ? []
            : Enumerable.Range(1, 9).Select(d => sorted[Math.Min(sorted.Length - 1, d * sorted.Length / 10)]).Distinct().ToArray();
        var reference = new ScoreDistribution(edges, []);
        return reference with { Shares = reference.SharesOf(sorted) };
    }

    /// <summary>PSI = Σ (actual − expected) · ln(actual / expected) over the buckets; above 0.2 is usually read as a real shift.</summary>
    public double Psi(IReadOnlyCollection<double> scores)
    {
        var actual = SharesOf(scores);
        double psi = 0;
        for (var i = 0; i < Shares.Length; i++)
        {
            double e = Math.Max(Shares[i], Floor), a = Math.Max(actual[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    private double[] SharesOf(IReadOnlyCollection<double> scores)
    {
        var counts = new double[Edges.Length + 1];
        foreach (var s in scores)
        {
            counts[Bucket(s)]++;
        }

        return [.. counts.Select(c => scores.Count == 0 ? 0 : c / scores.Count)];
    }

    /// <summary>Bucket i holds scores below edge i (and at or above edge i−1); the last holds the rest.</summary>
    private int Bucket(double score)
    {
        var i = 0;
        while (i < Edges.Length && score >= Edges[i])
        {
            i++;
        }

        return i;
    }
}
