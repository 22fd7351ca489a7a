namespace Automation.Engine.Scoring.Models;

/// <summary>
/// How well scores rank and classify on a holdout: ROC AUC, PR AUC (average precision), lift and capture in the top
/// tenth of scores, precision and recall at a threshold, calibration (predicted against observed per 0.1 band and
/// per decile, ten equal groups of customers ranked by score, which also give the lift chart) and the ROC curve.
/// </summary>
public sealed record BinaryMetrics(
    int Customers,
    int Positives,
    double Auc,
    double Threshold,
    double Precision,
    double Recall,
    IReadOnlyList<CalibrationBucket> Calibration,
    double PrAuc = 0,
    double TopDecileLift = 0,
    double TopDecileCapture = 0,
    IReadOnlyList<CalibrationBucket>? Deciles = null,
    IReadOnlyList<RocPoint>? Roc = null)
{
    private const int Buckets = 10;
    private const int RocPoints = 50;

    public static BinaryMetrics Measure(IReadOnlyList<(double Score, bool Label)> scored, double threshold)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var flagged = scored.Count(s => s.Score >= threshold);
        var hits = scored.Count(s => s.Score >= threshold && s.Label);
        var positives = scored.Count(s => s.Label);
        var calibration = new List<CalibrationBucket>();
        for (var b = 0; b < Buckets; b++)
        {
            double from = (double)b / Buckets, to = (double)(b + 1) / Buckets;
            var inBucket = scored.Where(s => s.Score >= from && (s.Score < to || (b == Buckets - 1 && s.Score <= to))).ToList();
            if (inBucket.Count > 0)
            {
                calibration.Add(new CalibrationBucket(from, to, inBucket.Count, Math.Round(inBucket.Average(s => s.Score), 3), Math.Round(inBucket.Count(s => s.Label) / (double)inBucket.Count, 3)));
            }
        }

        return new BinaryMetrics(
            scored.Count,
            positives,
            Math.Round(AreaUnderCurve(scored), 4),
            threshold,
            flagged == 0 ? 0 : Math.Round(hits / (double)flagged, 4),
            positives == 0 ? 0 : Math.Round(hits / (double)positives, 4),
            calibration,
            Math.Round(AveragePrecision(scored), 4),
            Math.Round(TopDecile(scored).Lift, 3),
            Math.Round(TopDecile(scored).Capture, 4),
            DecileCalibration(scored),
            RocCurve(scored));
    }

    /// <summary>Ten equal groups of customers from the lowest scores to the highest: score range, mean predicted, observed rate.</summary>
    public static IReadOnlyList<CalibrationBucket> DecileCalibration(IReadOnlyList<(double Score, bool Label)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var ranked = scored.OrderBy(s => s.Score).ToList();
        var deciles = new List<CalibrationBucket>();
        for (var d = 0; d < Buckets; d++)
        {
            var group = ranked.Skip(d * ranked.Count / Buckets).Take(((d + 1) * ranked.Count / Buckets) - (d * ranked.Count / Buckets)).ToList();
            if (group.Count > 0)
            {
                deciles.Add(new CalibrationBucket(Math.Round(group[0].Score, 4), Math.Round(group[^1].Score, 4), group.Count, Math.Round(group.Average(s => s.Score), 3), Math.Round(group.Count(s => s.Label) / (double)group.Count, 3)));
            }
        }

        return deciles;
    }

    /// <summary>True against false positive rate at up to 50 thresholds from the highest score down, from (0, 0) to (1, 1).</summary>
    public static IReadOnlyList<RocPoint> RocCurve(IReadOnlyList<(double Score, bool Label)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        double positives = scored.Count(s => s.Label), negatives = scored.Count - positives;
        var points = new List<RocPoint> { new(0, 0) };
        if (positives == 0 || negatives == 0)
        {
            points.Add(new RocPoint(1, 1));
            return points;
        }

        var ranked = scored.OrderByDescending(s => s.Score).ToList();
        double truePositives = 0, falsePositives = 0;
        var step = Math.Max(1, ranked.Count / RocPoints);
        var next = step;
        for (var i = 0; i < ranked.Count; i++)
        {
            _ = ranked[i].Label ? truePositives++ : falsePositives++;
            var lastOfTies = i == ranked.Count - 1 || ranked[i + 1].Score != ranked[i].Score;
            if (lastOfTies && (i + 1 >= next || i == ranked.Count - 1))
            {
                next = i + 1 + step;
                points.Add(new RocPoint(Math.Round(falsePositives / negatives, 4), Math.Round(truePositives / positives, 4)));
            }
        }

        return points;
    }

    /// <summary>The area under the precision–recall curve as average precision: the mean precision at each positive's rank.</summary>
    public static double AveragePrecision(IReadOnlyList<(double Score, bool Label)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var positives = scored.Count(s => s.Label);
        if (positives == 0)
        {
            return 0;
        }

        double sum = 0;
        var seen = 0;
        var rank = 0;
        foreach (var s in scored.OrderByDescending(s => s.Score))
        {
            rank++;
            if (s.Label)
            {
                seen++;
                sum += seen / (double)rank;
            }
        }

        return sum / positives;
    }

    /// <summary>The tenth scored highest: its positive rate over the overall rate (lift), and its share of all positives (capture).</summary>
    public static (double Lift, double Capture) TopDecile(IReadOnlyList<(double Score, bool Label)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var positives = scored.Count(s => s.Label);
        if (positives == 0 || scored.Count == 0)
        {
            return (0, 0);
        }

        var top = scored.OrderByDescending(s => s.Score).Take(Math.Max(1, (int)Math.Ceiling(scored.Count / 10.0))).ToList();
        var hits = top.Count(s => s.Label);
        return (hits / (double)top.Count / (positives / (double)scored.Count), hits / (double)positives);
    }

    /// <summary>The chance a random positive scores above a random negative (ties count half): Mann–Whitney on ranks.</summary>
    public static double AreaUnderCurve(IReadOnlyList<(double Score, bool Label)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var sorted = scored.OrderBy(s => s.Score).ToList();
        double rankSum = 0;
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1].Score == sorted[i].Score)
            {
                j++;
            }

            var rank = (i + j + 2) / 2.0; // average 1-based rank of the tie group
            rankSum += rank * sorted.Skip(i).Take(j - i + 1).Count(s => s.Label);
            i = j + 1;
        }

        double positives = sorted.Count(s => s.Label), negatives = sorted.Count - positives;
        return positives == 0 || negatives == 0 ? 0.5 : (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }
}
