namespace Automation.Engine.Workflows.Activities;

/// <summary>
/// Each variant's probability of having the best conversion rate, under uniform Beta(1, 1) priors: the share of draws
/// from the variants' Beta posteriors in which it comes out on top. Seeded, so the same counts give the same answer
/// in every engine process.
/// </summary>
public static class WinProbability
{
    public const int Draws = 20_000;

    public static double[] Best(IReadOnlyList<(int Customers, int Converted)> variants, int seed = 33)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var random = new Random(seed);
        var wins = new int[variants.Count];
        for (var draw = 0; draw < Draws; draw++)
        {
            var best = -1;
            var bestRate = double.MinValue;
            for (var v = 0; v < variants.Count; v++)
            {
                var (customers, converted) = variants[v];
                var rate = Beta(random, 1 + converted, 1 + Math.Max(0, customers - converted));
                if (rate > bestRate)
                {
                    (best, bestRate) = (v, rate);
                }
            }

            wins[best]++;
        }

        return [.. wins.Select(w => (double)w / Draws)];
    }

    private static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a);
        var y = Gamma(random, b);
        return x / (x + y);
    }

    /// <summary>Marsaglia and Tsang's method; shape ≥ 1 here (counts plus one).</summary>
    private static double Gamma(Random random, double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
