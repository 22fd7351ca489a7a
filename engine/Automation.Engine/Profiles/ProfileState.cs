using Automation.Storage.Profiles;

namespace Automation.Engine.Profiles;

/// <summary>The working state behind a profile's order-independent features, read from and written back to the profile.</summary>
public sealed class ProfileState
{
    private ProfileState(DailyCounts counts, SessionSpans sessions, ContactTraits traits, CartEpisodes carts)
    {
        Counts = counts;
        Sessions = sessions;
        Traits = traits;
        Carts = carts;
    }

    public DailyCounts Counts { get; }

    public SessionSpans Sessions { get; }

    public ContactTraits Traits { get; }

    public CartEpisodes Carts { get; }

    public static ProfileState Empty() => new(DailyCounts.Parse(null), SessionSpans.Empty(), ContactTraits.Parse(null), CartEpisodes.Empty());

    public static ProfileState Read(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(
            DailyCounts.Parse(profile.DailyCountsJson),
            SessionSpans.Parse(profile.SessionSpansJson, profile.Sessions, profile.LastSessionAt),
            ContactTraits.Parse(profile.TraitTimesJson),
            CartEpisodes.Parse(profile.CartEpisodesJson));
    }

    /// <summary>Prunes what no window needs any more and stores the state in the profile's columns.</summary>
    public void Write(CustomerProfile profile, DateTime nowUtc, TimeSpan cartWindow)
    {
        Settle(profile, nowUtc, cartWindow);
        Serialize(profile);
    }

    /// <summary>
    /// Prunes what no window needs any more and sets the profile's columns derived from the state; the state's own
    /// JSON columns are left for <see cref="Serialize"/>, which a write-behind store calls only when it writes.
    /// </summary>
    public void Settle(CustomerProfile profile, DateTime nowUtc, TimeSpan cartWindow)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Counts.Prune(nowUtc);
        Sessions.Prune(profile.LastSeen);
        Carts.Prune(profile.LastSeen, cartWindow);
        profile.AbandonedCarts = Carts.Abandoned(nowUtc, cartWindow);
        profile.Sessions = Sessions.Count;
        profile.LastSessionAt = Sessions.LastActivity ?? profile.LastSessionAt;
    }

    /// <summary>Stores the state in the profile's JSON columns.</summary>
    public void Serialize(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.CartEpisodesJson = Carts.ToJson();
        profile.DailyCountsJson = Counts.ToJson();
        profile.SessionSpansJson = Sessions.ToJson();
        profile.TraitTimesJson = Traits.ToJson();
    }
}
