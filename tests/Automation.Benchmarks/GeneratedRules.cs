using System.Globalization;
using System.Text.Json;
using Automation.Engine.Profiles;

namespace Automation.Benchmarks;

/// <summary>
/// A rule set of n rules built from five shapes, as JSON for the engine and as the same decision written by hand:
/// a threshold; an amount with a score; an any-group; a rule that asserts "attention-j"; and a rule of higher
/// priority that requires that fact and sets a decision value. About two in five rules fire for a customer.
/// </summary>
public sealed class GeneratedRules
{
    private readonly int count;

    private GeneratedRules(int count, string json)
    {
        this.count = count;
        Json = json;
    }

    public string Json { get; }

    public static GeneratedRules Of(int count)
    {
        var rules = new List<object>();
        for (var i = 0; i < count; i++)
        {
            var j = i / 5;
            var name = $"r{i}";
            rules.Add((i % 5) switch
            {
                0 => new { ruleName = name, expression = F($"Features.PageViews30d >= {PageViews(j)}") },
                1 => new { ruleName = name, expression = F($"Features.Monetary >= {Amount(j)} && Scores.ChurnRisk < {Risk(j)}"), set = new Dictionary<string, string> { ["offer"] = "10%" } },
                2 => new { ruleName = name, @operator = "OrElse", rules = new object[] { new { ruleName = name + "-opens", expression = F($"Features.EmailOpens30d >= {Opens(j)}") }, new { ruleName = name + "-pricing", expression = F($"Features.PricingViews30d >= {Pricing(j)}") } } },
                3 => new { ruleName = name, expression = F($"Features.DaysInactive > {Inactive(j)} && Features.Purchases > 0"), assert = new[] { $"attention-{j}" } },
                _ => (object)new { ruleName = name, requires = new[] { $"attention-{j}" }, expression = F($"Scores.ChurnRisk >= {Attention(j)}"), priority = 1 + j, set = new Dictionary<string, string> { ["channel"] = "phone" } },
            });
        }

        return new GeneratedRules(count, JsonSerializer.Serialize(new { rules }));
    }

    /// <summary>The same decision by hand: which rules hold, then the highest priority (the earlier on a tie) names the port.</summary>
    public (string Port, Dictionary<string, string> Values) HandWritten(CustomerFeatures f, CustomerScores s)
    {
        var best = -1;
        var bestPriority = int.MinValue;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var j = i / 5;
            var attention = f.DaysInactive > Inactive(j) && f.Purchases > 0;
            var holds = (i % 5) switch
            {
                0 => f.PageViews30d >= PageViews(j),
                1 => f.Monetary >= Amount(j) && s.ChurnRisk < Risk(j),
                2 => f.EmailOpens30d >= Opens(j) || f.PricingViews30d >= Pricing(j),
                3 => attention,
                _ => attention && s.ChurnRisk >= Attention(j),
            };
            if (!holds)
            {
                continue;
            }

            var priority = i % 5 == 4 ? 1 + j : 0;
            if (priority > bestPriority)
            {
                (best, bestPriority) = (i, priority);
            }

            if (i % 5 == 1)
            {
                values.TryAdd("offer", "10%");
            }
            else if (i % 5 == 4)
            {
                values["channel"] = "phone";
            }
        }

        return (best < 0 ? "none" : $"r{best}", values);
    }

    private static int PageViews(int j) => 4 + (j % 6);

    private static int Amount(int j) => 100 + (50 * (j % 8));

    private static double Risk(int j) => 0.5 + (0.1 * (j % 4));

    private static int Opens(int j) => 2 + (j % 4);

    private static int Pricing(int j) => 2 + (j % 2);

    private static int Inactive(int j) => 10 + (5 * (j % 6));

    private static double Attention(int j) => 0.3 + (0.1 * (j % 5));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
