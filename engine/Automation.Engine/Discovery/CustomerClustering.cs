using System.Globalization;
using Automation.Engine.Profiles;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML;

namespace Automation.Engine.Discovery;

/// <summary>
/// Finds groups of customers the marketer did not define: ML.NET k-means over standardized behavior features, each
/// cluster described by the features that set it apart most, with an expression that selects it and its silhouette.
/// </summary>
public sealed class CustomerClustering(IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock)
{
    public const int DimensionCount = 8;

    private const int SilhouetteSample = 1500;

    private static readonly (string Member, string Words, Func<CustomerFeatures, double> Read)[] Dimensions =
    [
        ("Features.DaysInactive", "days inactive", f => f.DaysInactive),
        ("Features.Purchases", "purchases", f => f.Purchases),
        ("Features.Monetary", "total spend", f => f.Monetary),
        ("Features.PricingViews30d", "pricing views in 30 days", f => f.PricingViews30d),
        ("Features.CartAdds30d", "cart adds in 30 days", f => f.CartAdds30d),
        ("Features.EmailOpens30d", "email opens in 30 days", f => f.EmailOpens30d),
        ("Features.SupportTickets30d", "support tickets in 30 days", f => f.SupportTickets30d),
        ("Features.AdClicks30d", "ad clicks in 30 days", f => f.AdClicks30d),
    ];

    public async Task<DiscoveryResult> RunAsync(int k, CancellationToken cancellationToken)
    {
        var raw = await LoadAsync(cancellationToken);
        return Cluster(raw, k);
    }

    /// <summary>
    /// Clusters for every k in the range and proposes one: the best silhouette, and among nearly equal silhouettes
    /// (within 0.02) the lower Davies–Bouldin index (tighter, better separated clusters).
    /// </summary>
    public async Task<DiscoverySweep> SweepAsync(int minK, int maxK, CancellationToken cancellationToken)
    {
        var raw = await LoadAsync(cancellationToken);
        var runs = Enumerable.Range(minK, maxK - minK + 1).Where(k => raw.Count >= k * 2).Select(k => Cluster(raw, k)).ToList();
        if (runs.Count == 0)
        {
            throw new InvalidOperationException($"clustering into {minK} groups needs at least {minK * 2} customers; there are {raw.Count}");
        }

        var best = runs.Max(r => r.Silhouette);
        var proposed = runs.Where(r => r.Silhouette >= best - 0.02).OrderBy(r => r.DaviesBouldin).First();
        return new DiscoverySweep(runs, proposed.K);
    }

    private async Task<List<double[]>> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var raw = new List<double[]>();
        await foreach (var p in db.Profiles.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var f = calculator.Features(p, now);
            raw.Add(Dimensions.Select(d => d.Read(f)).ToArray());
        }

        return raw;
    }

    private static DiscoveryResult Cluster(List<double[]> raw, int k)
    {
        if (raw.Count < k * 2)
        {
            throw new InvalidOperationException($"clustering into {k} groups needs at least {k * 2} customers; there are {raw.Count}");
        }

        var means = Enumerable.Range(0, Dimensions.Length).Select(i => raw.Average(r => r[i])).ToArray();
        var spreads = Enumerable.Range(0, Dimensions.Length).Select(i => Math.Sqrt(raw.Average(r => Math.Pow(r[i] - means[i], 2)))).Select(s => s < 1e-9 ? 1 : s).ToArray();
        var points = raw.Select(r => new ClusterPoint { Features = r.Select((v, i) => (float)((v - means[i]) / spreads[i])).ToArray() }).ToList();

        var ml = new MLContext(seed: 7);
        var data = ml.Data.LoadFromEnumerable(points);
        var model = ml.Clustering.Trainers.KMeans(nameof(ClusterPoint.Features), numberOfClusters: k).Fit(data);
        var labels = ml.Data.CreateEnumerable<ClusterPrediction>(model.Transform(data), reuseRowObject: false).Select(p => (int)p.Cluster - 1).ToArray();

        var silhouettes = Silhouettes(points, labels, k);
        var clusters = new List<DiscoveredCluster>();
        for (var c = 0; c < k; c++)
        {
            var members = Enumerable.Range(0, raw.Count).Where(i => labels[i] == c).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var clusterMeans = Enumerable.Range(0, Dimensions.Length).Select(i => members.Average(m => raw[m][i])).ToArray();
            var standout = Enumerable.Range(0, Dimensions.Length).OrderByDescending(i => Math.Abs(clusterMeans[i] - means[i]) / spreads[i]).Take(2).ToList();
            var description = string.Join("; ", standout.Select(i => $"{(clusterMeans[i] >= means[i] ? "high" : "low")} {Dimensions[i].Words} (average {N(clusterMeans[i])} vs {N(means[i])} overall)"));
            var expression = string.Join(" && ", standout.Select(i =>
                $"{Dimensions[i].Member} {(clusterMeans[i] >= means[i] ? ">=" : "<=")} {N((clusterMeans[i] + means[i]) / 2)}"));
            var measured = members.Where(silhouettes.ContainsKey).Select(m => silhouettes[m]).ToList();
            clusters.Add(new DiscoveredCluster(c + 1, members.Count, description, expression, measured.Count == 0 ? 0 : Math.Round(measured.Average(), 3)));
        }

        return new DiscoveryResult(
            k,
            raw.Count,
            silhouettes.Count == 0 ? 0 : Math.Round(silhouettes.Values.Average(), 3),
            Math.Round(DaviesBouldin(points, labels, k), 3),
            clusters.OrderByDescending(c => c.Size).ToList());
    }

    /// <summary>
    /// Davies–Bouldin index: for each cluster, the worst ratio of (its spread + another's spread) to the distance between
    /// their centres, averaged. Lower is better; unlike the silhouette it uses every customer, not a sample.
    /// </summary>
    private static double DaviesBouldin(List<ClusterPoint> points, int[] labels, int k)
    {
        var used = Enumerable.Range(0, k).Where(c => labels.Contains(c)).ToList();
        var centres = used.ToDictionary(c => c, c =>
        {
            var members = points.Where((_, i) => labels[i] == c).ToList();
            return Enumerable.Range(0, DimensionCount).Select(d => members.Average(m => m.Features[d])).Select(v => (float)v).ToArray();
        });
        var spread = used.ToDictionary(c => c, c => points.Where((_, i) => labels[i] == c).Average(p => Distance(p.Features, centres[c])));
        if (used.Count < 2)
        {
            return 0;
        }

        return used.Average(i => used.Where(j => j != i).Max(j => (spread[i] + spread[j]) / Math.Max(Distance(centres[i], centres[j]), 1e-9)));
    }

    /// <summary>Silhouette per customer (on a sample, as it is quadratic): how much closer to its own cluster than to the next.</summary>
    private static Dictionary<int, double> Silhouettes(List<ClusterPoint> points, int[] labels, int k)
    {
        var sample = Enumerable.Range(0, points.Count).Where(i => i % Math.Max(1, points.Count / SilhouetteSample) == 0).ToList();
        var result = new Dictionary<int, double>();
        foreach (var i in sample)
        {
            var sums = new double[k];
            var counts = new int[k];
            foreach (var j in sample)
            {
                if (i == j)
                {
                    continue;
                }

                sums[labels[j]] += Distance(points[i].Features, points[j].Features);
                counts[labels[j]]++;
            }

            var own = labels[i];
            if (counts[own] == 0)
            {
                continue;
            }

            var a = sums[own] / counts[own];
            var b = Enumerable.Range(0, k).Where(c => c != own && counts[c] > 0).Select(c => sums[c] / counts[c]).DefaultIfEmpty(a).Min();
            result[i] = Math.Max(a, b) == 0 ? 0 : (b - a) / Math.Max(a, b);
        }

        return result;
    }

    private static double Distance(float[] x, float[] y)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (x[i] - y[i]) * (x[i] - y[i]);
        }

        return Math.Sqrt(sum);
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
