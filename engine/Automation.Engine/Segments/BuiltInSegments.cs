using Automation.Engine.Scoring;
using Automation.Storage.Segments;

namespace Automation.Engine.Segments;

/// <summary>The segments every installation starts with; the shipped workflows trigger on them.</summary>
public static class BuiltInSegments
{
    public static IReadOnlyList<SegmentDefinitionRecord> All() =>
    [
        New("high-intent", "High-intent pricing visitors", "Looked at pricing at least twice this week and has not bought yet", "Features.PricingViews7d >= 2 && Features.Purchases == 0"),
        New("at-risk", "At-risk customers", "Bought at least twice but has not been seen for 30 days or more", "Features.Purchases >= 2 && Features.DaysInactive >= 30"),
        New("cart-abandoners", "Cart abandoners", "Added to cart and left without buying", "Features.HasAbandonedCart"),
        New("vip", "VIP customers", "Spent 1,000 or more in total", "Features.Monetary >= 1000"),
        New("champions", "Champions", "Bought recently and often: RFM recency and frequency scores of 4 or 5", "Scores.Recency >= 4 && Scores.Frequency >= 4"),
        New("new-customers", "New customers", "First purchase in the last 14 days", "Features.Purchases == 1 && Features.DaysSinceLastPurchase <= 14"),
        New("engaged-readers", "Engaged email readers", "Opened or clicked our emails this month", "Features.EmailOpens30d + Features.EmailClicks30d >= 3 && !Features.Unsubscribed"),
        New("repeat-buyers", "Repeat buyers", "Bought at least twice, the last time within 90 days", "Features.Purchases >= 2 && Features.DaysSinceLastPurchase <= 90"),
        New("returning-not-converting", "Returning without converting", "Came back for three or more sessions and looked around, but never bought", "Features.Sessions >= 3 && Features.PageViews30d + Features.ProductViews30d >= 5 && Features.Purchases == 0"),
        New("feature-explorers", "Trial and feature explorers", "Tried three or more features this month without buying", "Features.FeatureUses30d >= 3 && Features.Purchases == 0"),
        New("dormant-subscribers", "Dormant subscribers", "Opened our emails at least twice this month, then none in the last week: opens stopped", "Features.HasEmail && !Features.Unsubscribed && Features.EmailOpens30d >= 2 && Features.EmailOpens7d == 0"),
        New("price-sensitive", "Price-sensitive", "Compared plans or prices, or clicked discounts and coupons, at least twice this month", "Features.ComparisonViews30d + Features.DiscountClicks30d >= 2"),
        ChurnRiskHigh(),
        .. RfmSegments.All.Select(name => New(
            "rfm-" + Slug(name), "RFM: " + name, $"Customers whose recency, frequency and monetary scores place them in '{name}' (docs/rfm.md)", $"Scores.RfmSegment == \"{name.Replace("'", "\\'", StringComparison.Ordinal)}\"")),
    ];

    /// <summary>A score segment: enter at 0.7, leave only below 0.6, so an oscillating score does not flap.</summary>
    private static SegmentDefinitionRecord ChurnRiskHigh()
    {
        var segment = New("churn-risk-high", "Churn risk high", "The churn model gives 70 % or more; membership holds until it drops below 60 %", "Scores.ChurnRisk >= 0.6");
        segment.ScoreMember = "Scores.ChurnRisk";
        segment.EnterThreshold = 0.7;
        segment.ExitThreshold = 0.6;
        return segment;
    }

    private static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == ' ')).Replace(' ', '-');

    private static SegmentDefinitionRecord New(string key, string name, string description, string expression) => new()
    {
        Key = key,
        Name = name,
        Description = description,
        Expression = expression,
        BuiltIn = true,
    };
}
