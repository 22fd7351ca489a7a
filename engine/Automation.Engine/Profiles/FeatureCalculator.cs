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
        Span<int> week = stackalloc int[DailyCounts.Counters];
        Span<int> month = stackalloc int[DailyCounts.Counters];
        counts.Windows(nowUtc, week, month);
        return new CustomerFeatures
        {
            CustomerId = p.CustomerId,
            HasEmail = !string.IsNullOrEmpty(p.Email),
            DaysSinceFirstSeen = Days(nowUtc - p.FirstSeen),
            DaysInactive = Days(nowUtc - p.LastSeen),
            DaysSinceLastPurchase = p.LastPurchaseAt is { } last ? Days(nowUtc - last) : NeverBought,
            Purchases = p.Purchases,
            Purchases30d = month[(int)Counter.Purchases],
            Monetary = (double)p.Monetary,
            AverageOrderValue = p.Purchases == 0 ? 0 : (double)(p.Monetary / p.Purchases),
            Refunds = p.Refunds,
            PageViews7d = week[(int)Counter.PageViews],
            PageViews30d = month[(int)Counter.PageViews],
            PricingViews7d = week[(int)Counter.PricingViews],
            PricingViews30d = month[(int)Counter.PricingViews],
            ProductViews7d = week[(int)Counter.ProductViews],
            ProductViews30d = month[(int)Counter.ProductViews],
            CartAdds7d = week[(int)Counter.CartAdds],
            CartAdds30d = month[(int)Counter.CartAdds],
            Checkouts30d = month[(int)Counter.Checkouts],
            HasAbandonedCart = p.LastCartActivityAt is { } cart
                && (p.LastPurchaseAt is null || p.LastPurchaseAt < cart)
                && nowUtc - cart >= abandonment,
            AbandonedCarts = (carts ?? (p.CartEpisodesJson is null ? null : CartEpisodes.Parse(p.CartEpisodesJson)))?.Abandoned(nowUtc, abandonment) ?? 0,
            EmailOpens7d = week[(int)Counter.EmailOpens],
            EmailOpens30d = month[(int)Counter.EmailOpens],
            EmailClicks7d = week[(int)Counter.EmailClicks],
            EmailClicks30d = month[(int)Counter.EmailClicks],
            Unsubscribed = p.Unsubscribed,
            AdClicks7d = week[(int)Counter.AdClicks],
            AdClicks30d = month[(int)Counter.AdClicks],
            SupportTickets30d = month[(int)Counter.SupportTickets],
            FeatureUses30d = month[(int)Counter.FeatureUses],
            ComparisonViews30d = month[(int)Counter.ComparisonViews],
            DiscountClicks30d = month[(int)Counter.DiscountClicks],
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
