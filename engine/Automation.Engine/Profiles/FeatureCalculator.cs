using Automation.Engine.Configuration;
using Automation.Storage.Profiles;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Profiles;

/// <summary>Turns a stored profile into the features and scores that expressions read, as of a moment.</summary>
public sealed class FeatureCalculator(IOptions<AutomationOptions> options)
{
    public const int NeverBought = 9999;
    private readonly TimeSpan abandonment = options.Value.Processing.CartAbandonmentWindow;

    /// <summary>The features of a stored profile, its daily counters read from the profile itself.</summary>
    public CustomerFeatures Features(CustomerProfile p, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Features(p, DailyCounts.Parse(p.DailyCountsJson), nowUtc);
    }

    /// <summary>The features of a profile whose working state the caller already holds (event processing), so nothing is parsed twice.</summary>
    public CustomerFeatures Features(CustomerProfile p, DailyCounts counts, DateTime nowUtc, CartEpisodes? carts = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(counts);
        return new CustomerFeatures
        {
            CustomerId = p.CustomerId,
            HasEmail = !string.IsNullOrEmpty(p.Email),
            DaysSinceFirstSeen = Days(nowUtc - p.FirstSeen),
            DaysInactive = Days(nowUtc - p.LastSeen),
            DaysSinceLastPurchase = p.LastPurchaseAt is { } last ? Days(nowUtc - last) : NeverBought,
            Purchases = p.Purchases,
            Purchases30d = counts.Sum(Counter.Purchases, nowUtc, 30),
            Monetary = (double)p.Monetary,
            AverageOrderValue = p.Purchases == 0 ? 0 : (double)(p.Monetary / p.Purchases),
            Refunds = p.Refunds,
            PageViews7d = counts.Sum(Counter.PageViews, nowUtc, 7),
            PageViews30d = counts.Sum(Counter.PageViews, nowUtc, 30),
            PricingViews7d = counts.Sum(Counter.PricingViews, nowUtc, 7),
            PricingViews30d = counts.Sum(Counter.PricingViews, nowUtc, 30),
            ProductViews7d = counts.Sum(Counter.ProductViews, nowUtc, 7),
            ProductViews30d = counts.Sum(Counter.ProductViews, nowUtc, 30),
            CartAdds7d = counts.Sum(Counter.CartAdds, nowUtc, 7),
            CartAdds30d = counts.Sum(Counter.CartAdds, nowUtc, 30),
            Checkouts30d = counts.Sum(Counter.Checkouts, nowUtc, 30),
            HasAbandonedCart = p.LastCartActivityAt is { } cart
                && (p.LastPurchaseAt is null || p.LastPurchaseAt < cart)
                && nowUtc - cart >= abandonment,
            AbandonedCarts = (carts ?? (p.CartEpisodesJson is null ? null : CartEpisodes.Parse(p.CartEpisodesJson)))?.Abandoned(nowUtc, abandonment) ?? 0,
            EmailOpens7d = counts.Sum(Counter.EmailOpens, nowUtc, 7),
            EmailOpens30d = counts.Sum(Counter.EmailOpens, nowUtc, 30),
            EmailClicks7d = counts.Sum(Counter.EmailClicks, nowUtc, 7),
            EmailClicks30d = counts.Sum(Counter.EmailClicks, nowUtc, 30),
            Unsubscribed = p.Unsubscribed,
            AdClicks7d = counts.Sum(Counter.AdClicks, nowUtc, 7),
            AdClicks30d = counts.Sum(Counter.AdClicks, nowUtc, 30),
            SupportTickets30d = counts.Sum(Counter.SupportTickets, nowUtc, 30),
            FeatureUses30d = counts.Sum(Counter.FeatureUses, nowUtc, 30),
            ComparisonViews30d = counts.Sum(Counter.ComparisonViews, nowUtc, 30),
            DiscountClicks30d = counts.Sum(Counter.DiscountClicks, nowUtc, 30),
            Sessions = p.Sessions,
            TotalEvents = p.TotalEvents,
        };
    }

    public static CustomerScores Scores(CustomerProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new CustomerScores
        {
            Recency = p.RecencyScore,
            Frequency = p.FrequencyScore,
            Monetary = p.MonetaryScore,
            RfmSegment = p.RfmSegment ?? "",
            ChurnRisk = p.ChurnRisk ?? 0,
            PurchasePropensity = p.PurchasePropensity ?? 0,
        };
    }

    private static int Days(TimeSpan span) => span < TimeSpan.Zero ? 0 : (int)span.TotalDays;
}
