using Automation.Engine.Events;
using Automation.Storage.Events;

namespace Automation.Engine.Profiles;

/// <summary>
/// Price sensitivity from ordinary events: a page, product or pricing view whose properties mention a comparison,
/// and a click (email, ad, page) whose properties mention a discount, coupon, promotion or sale.
/// </summary>
public static class PriceSignals
{
    // Searched for in every view's and click's properties: one pass for all the words.
    private static readonly System.Buffers.SearchValues<string> DiscountWords =
        System.Buffers.SearchValues.Create(["discount", "coupon", "promo", "sale"], StringComparison.OrdinalIgnoreCase);

    public static void Count(DailyCounts counts, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(e);
        if (e.PropertiesJson is not { Length: > 0 } properties)
        {
            return;
        }

        if (e.Type is EventTypes.PageView or EventTypes.ProductView or EventTypes.PricingView
            && properties.Contains("compare", StringComparison.OrdinalIgnoreCase))
        {
            counts.Add(e.Timestamp, Counter.ComparisonViews);
        }

        if (e.Type is EventTypes.EmailClick or EventTypes.AdClick or EventTypes.PageView
            && properties.AsSpan().ContainsAny(DiscountWords))
        {
            counts.Add(e.Timestamp, Counter.DiscountClicks);
        }
    }
}
