using Automation.Engine.Configuration;
using Automation.Engine.Profiles;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Profiles;

public sealed class ProfileStateTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private readonly ProfileUpdater updater = new(Options.Create(new AutomationOptions()));
    private readonly FeatureCalculator calculator = new(Options.Create(new AutomationOptions()));

    [Fact]
    public void Seven_and_thirty_day_features_count_exactly_the_events_inside_each_window()
    {
        var events = Scattered();
        var (profile, state) = Fold(events);
        state.Settle(profile, Now, updater.CartWindow);
        var features = calculator.Features(profile, state.Counts, Now, state.Carts);

        int Within(string type, int days) => events.Count(e => e.Type == type && DailyCounts.DayOf(e.Timestamp) > DailyCounts.DayOf(Now) - days && e.Timestamp <= Now);
        Assert.Equal(Within("page_view", 7), features.PageViews7d);
        Assert.Equal(Within("page_view", 30), features.PageViews30d);
        Assert.Equal(Within("email_click", 7), features.EmailClicks7d);
        Assert.Equal(Within("email_click", 30), features.EmailClicks30d);
        Assert.Equal(Within("purchase", 30), features.Purchases30d);
        Assert.Equal(Within("support_ticket", 30), features.SupportTickets30d);
        Assert.True(features.PageViews30d > features.PageViews7d, "the history reaches back beyond a week");
    }

    [Fact]
    public void A_profile_read_back_from_its_stored_columns_has_the_same_state_and_features()
    {
        var (profile, state) = Fold(Scattered());
        state.Write(profile, Now, updater.CartWindow);
        var stored = (profile.DailyCountsJson, profile.SessionSpansJson, profile.CartEpisodesJson);

        var reread = ProfileState.Read(profile);
        reread.Serialize(profile);
        Assert.Equal(stored, (profile.DailyCountsJson, profile.SessionSpansJson, profile.CartEpisodesJson));
        Assert.Equivalent(calculator.Features(profile, state.Counts, Now, state.Carts), calculator.Features(profile, reread.Counts, Now, reread.Carts));
        Assert.Equal(state.Sessions.Count, reread.Sessions.Count);
    }

    [Fact]
    public void The_stored_state_columns_keep_the_text_earlier_versions_wrote_and_read()
    {
        var at = Now.AddHours(-3);
        var (profile, state) = Fold(
        [
            Event(1, "page_view", at),
            Event(2, "add_to_cart", at.AddMinutes(5)),
            Event(3, "identify", at.AddHours(2), """{"email":"a@example.com","name":"A"}"""),
            Event(4, "purchase", at.AddHours(2)),
        ]);
        state.Write(profile, Now, updater.CartWindow);

        static long T(DateTime t) => t.Ticks;
        Assert.Equal($$"""{"Closed":0,"Horizon":0,"Spans":[[{{T(at)}},{{T(at.AddMinutes(5))}}],[{{T(at.AddHours(2))}}]]}""", profile.SessionSpansJson);
        Assert.Equal($$"""{"Settled":0,"Horizon":0,"Carts":[{{T(at.AddMinutes(5))}}],"Purchases":[{{T(at.AddHours(2))}}]}""", profile.CartEpisodesJson);
        Assert.Equal($$"""{"email":{{T(at.AddHours(2))}},"name":{{T(at.AddHours(2))}}}""", profile.TraitTimesJson);
        Assert.Equal($$"""{"{{DailyCounts.DayOf(at)}}":[1,0,0,1,0,1]}""", profile.DailyCountsJson);
        Assert.Equal("a@example.com", profile.Email);
    }

    private static StoredEvent Event(long sequence, string type, DateTime at, string? properties = null) => new()
    {
        Sequence = sequence,
        EventId = $"e-{sequence}",
        CustomerId = "c-1",
        Type = type,
        Timestamp = at,
        Value = type == "purchase" ? 20 : null,
        PropertiesJson = properties,
    };

    private (CustomerProfile Profile, ProfileState State) Fold(List<StoredEvent> events)
    {
        var profile = ProfileUpdater.NewProfile("c-1", events.Min(e => e.Timestamp));
        var state = ProfileState.Empty();
        foreach (var e in events)
        {
            updater.Apply(profile, state, e);
        }

        return (profile, state);
    }

    /// <summary>Forty days of single events: many one-event sessions and days that count a single kind of event.</summary>
    private static List<StoredEvent> Scattered()
    {
        var random = new Random(11);
        string[] types = ["page_view", "email_click", "purchase", "support_ticket", "add_to_cart"];
        return [.. Enumerable.Range(0, 120).Select(i => new StoredEvent
        {
            Sequence = i,
            EventId = $"e-{i}",
            CustomerId = "c-1",
            Type = types[random.Next(types.Length)],
            Timestamp = Now.AddDays(-40).AddMinutes(random.Next(40 * 24 * 60)),
            Value = 10,
        })];
    }
}
