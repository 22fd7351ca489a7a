using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Profiles;

/// <summary>
/// Folds one event into a customer's profile. Every aggregate is order-independent (min, max, sum, count, session
/// spans, newest value per contact field), so a late batch ends in the same profile as events that came in order.
/// </summary>
public sealed class ProfileUpdater(IOptions<AutomationOptions> options)
{
    private readonly ProcessingOptions processing = options.Value.Processing;

    public static CustomerProfile NewProfile(string customerId, DateTime at) => new()
    {
        CustomerId = customerId,
        FirstSeen = at,
        LastSeen = at,
        UpdatedAt = at,
    };

    /// <summary>Clears every event-derived aggregate before a profile is folded again from its events; contact details and scores stay.</summary>
    public static void Reset(CustomerProfile profile, DateTime firstSeen)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.FirstSeen = firstSeen;
        profile.LastSeen = firstSeen;
        profile.LastPurchaseAt = null;
        profile.Purchases = 0;
        profile.Monetary = 0;
        profile.Refunds = 0;
        profile.RefundTotal = 0;
        profile.Unsubscribed = false;
        profile.LastCartActivityAt = null;
        profile.AbandonedCarts = 0;
        profile.Sessions = 0;
        profile.LastSessionAt = null;
        profile.TotalEvents = 0;
        profile.DailyCountsJson = "{}";
        profile.SessionSpansJson = null;
        profile.TraitTimesJson = null;
        profile.CartEpisodesJson = null;
    }

    /// <summary>A cart add or checkout with no purchase within this window counts as abandoned.</summary>
    public TimeSpan CartWindow => processing.CartAbandonmentWindow;

    /// <summary>True when some event is too old to be placed in the stored sessions: the profile must be refolded from the log.</summary>
    public bool NeedsRefold(ProfileState state, IEnumerable<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var e in events)
        {
            if (!state.Sessions.CanPlace(e.Timestamp, processing.SessionGap) || !state.Carts.CanPlace(e.Timestamp))
            {
                return true;
            }
        }

        return false;
    }

    public void Apply(CustomerProfile profile, ProfileState state, StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);

        var at = e.Timestamp;
        var counts = state.Counts;
        profile.TotalEvents++;
        if (at < profile.FirstSeen)
        {
            profile.FirstSeen = at;
        }

        if (at > profile.LastSeen)
        {
            profile.LastSeen = at;
        }

        state.Sessions.Add(at, processing.SessionGap);
        switch (e.Type)
        {
            case EventTypes.PageView: counts.Add(at, Counter.PageViews); break;
            case EventTypes.PricingView: counts.Add(at, Counter.PricingViews); break;
            case EventTypes.ProductView: counts.Add(at, Counter.ProductViews); break;
            case EventTypes.AddToCart:
                counts.Add(at, Counter.CartAdds);
                state.Carts.AddCart(at);
                profile.LastCartActivityAt = Max(profile.LastCartActivityAt, at);
                break;
            case EventTypes.CheckoutStarted:
                counts.Add(at, Counter.Checkouts);
                state.Carts.AddCart(at);
                profile.LastCartActivityAt = Max(profile.LastCartActivityAt, at);
                break;
            case EventTypes.Purchase:
                counts.Add(at, Counter.Purchases);
                state.Carts.AddPurchase(at);
                profile.Purchases++;
                profile.Monetary = Amounts.Add(profile.Monetary, e.Value ?? 0);
                profile.LastPurchaseAt = Max(profile.LastPurchaseAt, at);
                break;
            case EventTypes.Refund:
                profile.Refunds++;
                profile.RefundTotal = Amounts.Add(profile.RefundTotal, e.Value ?? 0);
                break;
            case EventTypes.EmailOpen: counts.Add(at, Counter.EmailOpens); break;
            case EventTypes.EmailClick: counts.Add(at, Counter.EmailClicks); break;
            case EventTypes.EmailUnsubscribe: profile.Unsubscribed = true; break;
            case EventTypes.AdClick: counts.Add(at, Counter.AdClicks); break;
            case EventTypes.SupportTicket: counts.Add(at, Counter.SupportTickets); break;
            case EventTypes.FeatureUsed: counts.Add(at, Counter.FeatureUses); break;
            case EventTypes.Identify: break;
            default: counts.Add(at, Counter.Other); break;
        }

        PriceSignals.Count(counts, e);

        // Contact details may come with any event, not only identify.
        if (e.PropertiesJson is { } json && (e.Type == EventTypes.Identify || json.Contains("\"email\"", StringComparison.Ordinal)))
        {
            state.Traits.Apply(profile, json, at);
        }
    }

    private static DateTime Max(DateTime? current, DateTime at) => current is { } c && c > at ? c : at;
}
