using Automation.Engine.Configuration;
using Automation.Engine.Profiles;
using Automation.Storage.Events;
using Automation.Storage.Profiles;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Profiles;

public sealed class OutOfOrderProfileTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private readonly ProfileUpdater updater = new(Options.Create(new AutomationOptions()));

    [Fact]
    public void A_late_mobile_batch_ends_in_the_same_profile_as_events_that_came_in_order()
    {
        var events = History();
        var inOrder = Fold([events]);

        // The phone was offline: its batch (every third event, spread over the month) arrives after the rest.
        var late = events.Where((_, i) => i % 3 == 0).ToList();
        var onTime = events.Except(late).ToList();
        var outOfOrder = Fold([onTime, late]);

        AssertSameProfile(inOrder, outOfOrder);
    }

    [Fact]
    public void Events_in_reverse_order_one_batch_each_end_in_the_same_profile()
    {
        var events = History();
        AssertSameProfile(Fold([events]), Fold([.. events.AsEnumerable().Reverse().Select(e => new List<StoredEvent> { e })]));
    }

    [Fact]
    public void A_late_event_between_two_sessions_bridges_them_into_one()
    {
        var start = Now.AddDays(-1);
        var first = Fold([[Event(1, "page_view", start), Event(2, "page_view", start.AddMinutes(50))]]);
        Assert.Equal(2, first.Sessions);

        var bridged = Fold([[Event(1, "page_view", start), Event(2, "page_view", start.AddMinutes(50))], [Event(3, "page_view", start.AddMinutes(25))]]);
        Assert.Equal(1, bridged.Sessions);
    }

    [Fact]
    public void An_older_contact_detail_arriving_late_does_not_overwrite_a_newer_one()
    {
        var start = Now.AddDays(-3);
        var profile = Fold([
            [Event(1, "identify", start.AddHours(2), """{"email":"new@example.test"}""")],
            [Event(2, "identify", start, """{"email":"old@example.test","name":"Ada"}""")],
        ]);

        Assert.Equal("new@example.test", profile.Email);
        Assert.Equal("Ada", profile.Name);
    }

    [Fact]
    public void Abandoned_carts_count_cart_episodes_whose_window_passed_without_a_purchase_whatever_the_order()
    {
        var day = Now.Date.AddDays(-5);
        List<StoredEvent> events =
        [
            Event(1, "add_to_cart", day.AddHours(9)), // one episode: two adds ten minutes apart, never bought → abandoned
            Event(2, "add_to_cart", day.AddHours(9).AddMinutes(10)),
            Event(3, "add_to_cart", day.AddDays(1).AddHours(9)), // bought within the hour → converted
            Event(4, "purchase", day.AddDays(1).AddHours(9).AddMinutes(30), value: 40),
            Event(5, "checkout_started", day.AddDays(2).AddHours(9)), // bought three hours later → abandoned first
            Event(6, "purchase", day.AddDays(2).AddHours(12), value: 40),
            Event(7, "add_to_cart", Now.AddMinutes(-20)), // its hour has not passed yet
        ];

        var inOrder = Fold([events]);
        var reversed = Fold([.. events.AsEnumerable().Reverse().Select(e => new List<StoredEvent> { e })]);

        Assert.Equal(2, inOrder.AbandonedCarts);
        Assert.Equal(2, reversed.AbandonedCarts);
        AssertSameProfile(inOrder, reversed);
        var calculator = new FeatureCalculator(Options.Create(new AutomationOptions()));
        Assert.Equal(2, calculator.Features(inOrder, Now).AbandonedCarts);
        Assert.Equal(3, calculator.Features(inOrder, Now.AddHours(1)).AbandonedCarts);
    }

    private CustomerProfile Fold(IEnumerable<List<StoredEvent>> batches)
    {
        CustomerProfile? profile = null;
        foreach (var batch in batches)
        {
            profile ??= ProfileUpdater.NewProfile("c-1", batch.Min(e => e.Timestamp));
            var state = ProfileState.Read(profile);
            Assert.False(updater.NeedsRefold(state, batch));
            foreach (var e in batch)
            {
                updater.Apply(profile, state, e);
            }

            state.Write(profile, Now, updater.CartWindow);
            profile.UpdatedAt = Now;
        }

        return profile!;
    }

    /// <summary>A month of mixed behavior: several events per session, sessions hours apart, purchases, contact changes.</summary>
    private static List<StoredEvent> History()
    {
        var random = new Random(7);
        string[] types = ["page_view", "product_view", "pricing_view", "add_to_cart", "checkout_started", "purchase", "refund", "email_open", "email_click", "ad_click", "support_ticket", "feature_used", "custom.thing"];
        var events = new List<StoredEvent>();
        var at = Now.AddDays(-30);
        for (var i = 0; i < 300; i++)
        {
            at = at.AddMinutes(random.Next(10) < 7 ? random.Next(1, 20) : random.Next(40, 600));
            var type = i % 50 == 0 ? "identify" : types[random.Next(types.Length)];
            var properties = type == "identify" ? $$"""{"email":"v{{i}}@example.test","name":"N{{i % 100}}"}""" : null;
            events.Add(Event(i, type, at, properties, type is "purchase" or "refund" ? random.Next(5, 300) : null));
        }

        events.Add(Event(1000, "email_unsubscribe", at.AddMinutes(-90)));
        return events;
    }

    private static StoredEvent Event(int sequence, string type, DateTime at, string? properties = null, decimal? value = null) => new()
    {
        Sequence = sequence,
        EventId = $"e-{sequence}",
        CustomerId = "c-1",
        Type = type,
        Timestamp = at,
        Value = value,
        PropertiesJson = properties,
    };

    private static void AssertSameProfile(CustomerProfile expected, CustomerProfile actual)
    {
        foreach (var property in typeof(CustomerProfile).GetProperties())
        {
            Assert.True(Equals(property.GetValue(expected), property.GetValue(actual)), $"{property.Name}: in order {property.GetValue(expected)}, out of order {property.GetValue(actual)}");
        }
    }
}
