using System.Text.Json;
using Automation.Engine.Messaging;

namespace Automation.Engine.Profiles;

/// <summary>
/// Abandoned carts, counted the same whatever order events arrive in. A cart episode is a run of cart adds and
/// checkouts each within the abandonment window of the one before; a purchase within the window of its last cart event
/// converts it; an episode whose window passed without one is abandoned. The count is worked out from the cart and
/// purchase times kept for the last <see cref="DailyCounts.KeptDays"/> days; episodes settled before that are folded into a
/// number, and an event older than that can only be placed by refolding the log (as with sessions).
/// </summary>
public sealed class CartEpisodes
{
    private static readonly long KeptTicks = TimeSpan.FromDays(DailyCounts.KeptDays).Ticks;
    private readonly List<long> carts;
    private readonly List<long> purchases;
    private int settled;
    private long horizon;

    private CartEpisodes(int settled, long horizon, List<long> carts, List<long> purchases)
    {
        this.settled = settled;
        this.horizon = horizon;
        this.carts = carts;
        this.purchases = purchases;
    }

    public static CartEpisodes Empty() => new(0, 0, [], []);

    public static CartEpisodes Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty();
        }

        var stored = JsonSerializer.Deserialize<Stored>(json) ?? new Stored(0, 0, [], []);
        return new CartEpisodes(stored.Settled, stored.Horizon, [.. stored.Carts], [.. stored.Purchases]);
    }

    /// <summary>False when the moment falls before the settled episodes: only a refold from the log places it exactly.</summary>
    public bool CanPlace(DateTime at) => horizon == 0 || at.Ticks >= horizon;

    public void AddCart(DateTime at) => Insert(carts, at.Ticks);

    public void AddPurchase(DateTime at) => Insert(purchases, at.Ticks);

    /// <summary>Episodes abandoned as of <paramref name="nowUtc"/>: their window has passed with no purchase.</summary>
    public int Abandoned(DateTime nowUtc, TimeSpan window)
    {
        var (abandoned, open) = Walk(carts.Count, purchases.Count, window.Ticks);
        return settled + abandoned + (open is { } last && last + window.Ticks <= nowUtc.Ticks ? 1 : 0);
    }

    /// <summary>Folds episodes settled well before the last activity into the count, keeping what a late event can still change.</summary>
    public void Prune(DateTime lastSeen, TimeSpan window)
    {
        var cutoff = lastSeen.Ticks - KeptTicks;
        var oldCarts = CountBefore(carts, cutoff);
        var oldPurchases = CountBefore(purchases, cutoff);
        if (oldCarts + oldPurchases == 0)
        {
            return;
        }

        var (abandoned, open) = Walk(oldCarts, oldPurchases, window.Ticks);
        if (open is { } last && last + window.Ticks >= cutoff)
        {
            return; // an episode still open at the cutoff: a purchase after it may yet convert it
        }

        settled += abandoned + (open is null ? 0 : 1);
        carts.RemoveRange(0, oldCarts);
        purchases.RemoveRange(0, oldPurchases);
        horizon = Math.Max(horizon, cutoff);
    }

    public string? ToJson() => settled == 0 && carts.Count == 0 && purchases.Count == 0
        ? null
        : StateJson.Write(this, static (json, state) =>
        {
            json.WriteStartObject();
            json.WriteNumber("Settled", state.settled);
            json.WriteNumber("Horizon", state.horizon);
            StateJson.Numbers(json, "Carts", state.carts);
            StateJson.Numbers(json, "Purchases", state.purchases);
            json.WriteEndObject();
        });

    /// <summary>
    /// Walks the first cart and purchase times in time order (a purchase at the same moment as a cart event comes after it):
    /// the episodes already abandoned, and the last cart time of the one still open, if any.
    /// </summary>
    private (int Abandoned, long? Open) Walk(int cartCount, int purchaseCount, long window)
    {
        var abandoned = 0;
        long? open = null;
        int c = 0, p = 0;
        while (c < cartCount || p < purchaseCount)
        {
            if (c < cartCount && (p >= purchaseCount || carts[c] <= purchases[p]))
            {
                var t = carts[c++];
                if (open is { } last && t > last + window)
                {
                    abandoned++;
                }

                open = t;
            }
            else
            {
                var t = purchases[p++];
                if (open is { } last && t > last + window)
                {
                    abandoned++;
                }

                open = null;
            }
        }

        return (abandoned, open);
    }

    private static void Insert(List<long> times, long t)
    {
        var at = times.BinarySearch(t);
        times.Insert(at < 0 ? ~at : at, t);
    }

    private sealed record Stored(int Settled, long Horizon, List<long> Carts, List<long> Purchases);

    private static int CountBefore(List<long> times, long cutoff)
    {
        var count = 0;
        while (count < times.Count && times[count] < cutoff)
        {
            count++;
        }

        return count;
    }
}
