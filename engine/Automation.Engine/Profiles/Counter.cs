namespace Automation.Engine.Profiles;

/// <summary>The per-day counters behind the 7-day and 30-day features (index into a day's array).</summary>
public enum Counter
{
    PageViews,
    PricingViews,
    ProductViews,
    CartAdds,
    Checkouts,
    Purchases,
    EmailOpens,
    EmailClicks,
    AdClicks,
    SupportTickets,
    FeatureUses,
    Other,

    // Price-sensitivity signals, counted besides the event's own counter (appended: stored rows are by position).
    ComparisonViews,
    DiscountClicks,
}
