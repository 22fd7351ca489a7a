using Automation.Engine.Profiles;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// The profile features models read, by name. A model stores the names it was trained on, so the vector it gets
/// online is built the same way whatever features are added later.
/// </summary>
public static class ModelFeatures
{
    public static IReadOnlyList<ModelFeature> All { get; } =
    [
        new(nameof(CustomerFeatures.HasEmail), f => f.HasEmail ? 1 : 0),
        new(nameof(CustomerFeatures.DaysSinceFirstSeen), f => f.DaysSinceFirstSeen),
        new(nameof(CustomerFeatures.DaysInactive), f => f.DaysInactive),
        new(nameof(CustomerFeatures.DaysSinceLastPurchase), f => f.DaysSinceLastPurchase),
        new(nameof(CustomerFeatures.Purchases), f => f.Purchases),
        new(nameof(CustomerFeatures.Purchases30d), f => f.Purchases30d),
        new(nameof(CustomerFeatures.Monetary), f => f.Monetary),
        new(nameof(CustomerFeatures.AverageOrderValue), f => f.AverageOrderValue),
        new(nameof(CustomerFeatures.Refunds), f => f.Refunds),
        new(nameof(CustomerFeatures.PageViews7d), f => f.PageViews7d),
        new(nameof(CustomerFeatures.PageViews30d), f => f.PageViews30d),
        new(nameof(CustomerFeatures.PricingViews7d), f => f.PricingViews7d),
        new(nameof(CustomerFeatures.PricingViews30d), f => f.PricingViews30d),
        new(nameof(CustomerFeatures.ProductViews7d), f => f.ProductViews7d),
        new(nameof(CustomerFeatures.ProductViews30d), f => f.ProductViews30d),
        new(nameof(CustomerFeatures.CartAdds7d), f => f.CartAdds7d),
        new(nameof(CustomerFeatures.CartAdds30d), f => f.CartAdds30d),
        new(nameof(CustomerFeatures.Checkouts30d), f => f.Checkouts30d),
        new(nameof(CustomerFeatures.HasAbandonedCart), f => f.HasAbandonedCart ? 1 : 0),
        new(nameof(CustomerFeatures.EmailOpens7d), f => f.EmailOpens7d),
        new(nameof(CustomerFeatures.EmailOpens30d), f => f.EmailOpens30d),
        new(nameof(CustomerFeatures.EmailClicks7d), f => f.EmailClicks7d),
        new(nameof(CustomerFeatures.EmailClicks30d), f => f.EmailClicks30d),
        new(nameof(CustomerFeatures.Unsubscribed), f => f.Unsubscribed ? 1 : 0),
        new(nameof(CustomerFeatures.AdClicks7d), f => f.AdClicks7d),
        new(nameof(CustomerFeatures.AdClicks30d), f => f.AdClicks30d),
        new(nameof(CustomerFeatures.SupportTickets30d), f => f.SupportTickets30d),
        new(nameof(CustomerFeatures.FeatureUses30d), f => f.FeatureUses30d),
        new(nameof(CustomerFeatures.Sessions), f => f.Sessions),
        new(nameof(CustomerFeatures.TotalEvents), f => f.TotalEvents),

        // The baseline's inputs: a logistic model reads recency, frequency and spend on a log scale.
        new(LogDaysSinceLastPurchase, f => Math.Log(1 + f.DaysSinceLastPurchase)),
        new(LogPurchases, f => Math.Log(1 + f.Purchases)),
        new(LogMonetary, f => Math.Log(1 + Math.Max(0, f.Monetary))),
    ];

    public const string LogDaysSinceLastPurchase = "Log" + nameof(CustomerFeatures.DaysSinceLastPurchase);
    public const string LogPurchases = "Log" + nameof(CustomerFeatures.Purchases);
    public const string LogMonetary = "Log" + nameof(CustomerFeatures.Monetary);

    /// <summary>The baseline's inputs: log recency, frequency and monetary value only.</summary>
    public static IReadOnlyList<string> Rfm { get; } = [LogDaysSinceLastPurchase, LogPurchases, LogMonetary];

    /// <summary>What the boosted model reads: every profile feature (trees need no log scale; the log copies would only split reasons).</summary>
    public static IReadOnlyList<string> Behavioral { get; } = [.. All.Select(f => f.Name).Where(n => !Rfm.Contains(n))];

    public static IReadOnlyList<string> AllNames { get; } = [.. All.Select(f => f.Name)];

    private static readonly Dictionary<string, ModelFeature> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static bool Exists(string name) => ByName.ContainsKey(name);

    /// <summary>The input vector for <paramref name="names"/>, in their order.</summary>
    public static float[] Vector(CustomerFeatures features, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var vector = new float[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            vector[i] = (float)ByName[names[i]].Read(features);
        }

        return vector;
    }
}
