namespace Automation.Engine.Profiles;

/// <summary>
/// The profile as segment and rule expressions see it ("Features.PricingViews7d >= 2").
/// Computed as of a moment, so windowed counts and day counts are always current.
/// </summary>
public sealed class CustomerFeatures
{
    public string CustomerId { get; init; } = "";

    public bool HasEmail { get; init; }

    public int DaysSinceFirstSeen { get; init; }

    /// <summary>Days since any activity.</summary>
    public int DaysInactive { get; init; }

    /// <summary>Days since the last purchase; 9999 when the customer never bought.</summary>
    public int DaysSinceLastPurchase { get; init; }

    public int Purchases { get; init; }

    public int Purchases30d { get; init; }

    public double Monetary { get; init; }

    public double AverageOrderValue { get; init; }

    public int Refunds { get; init; }

    public int PageViews7d { get; init; }

    public int PageViews30d { get; init; }

    public int PricingViews7d { get; init; }

    public int PricingViews30d { get; init; }

    public int ProductViews7d { get; init; }

    public int ProductViews30d { get; init; }

    public int CartAdds7d { get; init; }

    public int CartAdds30d { get; init; }

    public int Checkouts30d { get; init; }

    /// <summary>A cart add or checkout with no purchase after it, older than the abandonment window.</summary>
    public bool HasAbandonedCart { get; init; }

    /// <summary>Cart episodes (adds and checkouts close together) whose abandonment window passed without a purchase.</summary>
    public int AbandonedCarts { get; init; }

    public int EmailOpens7d { get; init; }

    public int EmailOpens30d { get; init; }

    public int EmailClicks7d { get; init; }

    public int EmailClicks30d { get; init; }

    public bool Unsubscribed { get; init; }

    public int AdClicks7d { get; init; }

    public int AdClicks30d { get; init; }

    public int SupportTickets30d { get; init; }

    public int FeatureUses30d { get; init; }

    /// <summary>Views of comparison pages (properties mention "compare") in 30 days: a price-sensitivity signal.</summary>
    public int ComparisonViews30d { get; init; }

    /// <summary>Clicks on discounts, coupons, promotions or sales in 30 days: a price-sensitivity signal.</summary>
    public int DiscountClicks30d { get; init; }

    public int Sessions { get; init; }

    public int TotalEvents { get; init; }
}
