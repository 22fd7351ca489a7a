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
    ];

    private static SegmentDefinitionRecord New(string key, string name, string description, string expression) => new()
    {
        Key = key,
        Name = name,
        Description = description,
        Expression = expression,
        BuiltIn = true,
    };
}
