using System.Globalization;
using System.Text.Json;
using Automation.Engine.Events;

namespace Automation.Host.Seeding;

/// <summary>
/// Synthetic customers with believable behavior (loyal buyers, lapsed buyers, pricing browsers, cart abandoners,
/// newcomers), generated from a fixed seed so every demo looks the same.
/// </summary>
public static class DemoCustomers
{
    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sam", "Tara"];
    private static readonly string[] LastNames = ["Meyer", "Lopez", "Nguyen", "Smith", "Rossi", "Kowalski", "Dubois", "Silva", "Jensen", "Okafor"];
    private static readonly string[] Zones = ["Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo"];

    public static List<IncomingEvent?> Generate(int customers, DateTime nowUtc)
    {
        var random = new Random(20261123);
        var events = new List<IncomingEvent?>();
        for (var i = 0; i < customers; i++)
        {
            var id = $"cust-{i:0000}";
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var start = nowUtc.AddDays(-random.Next(60, 120));
            Add(events, id, "identify", start, null, new { email = $"{first}.{last}.{i}@example.com".ToLowerInvariant(), name = $"{first} {last}", timeZone = Zones[random.Next(Zones.Length)] });
            switch (i % 6)
            {
                case 0: // loyal buyer, some VIP
                    Sessions(events, random, id, start, nowUtc.AddDays(-random.Next(0, 5)), purchases: random.Next(4, 10), ticket: random.Next(150, 400));
                    break;
                case 1: // lapsed buyer: bought often, then went quiet
                    Sessions(events, random, id, start, nowUtc.AddDays(-random.Next(31, 60)), purchases: random.Next(2, 5), ticket: random.Next(60, 200));
                    break;
                case 2: // pricing browser
                    Add(events, id, "page_view", nowUtc.AddDays(-random.Next(1, 6)), null, new { path = "/" });
                    for (var v = 0; v < random.Next(2, 4); v++)
                    {
                        Add(events, id, "pricing_view", nowUtc.AddDays(-random.Next(0, 6)).AddHours(-random.Next(1, 20)), null, new { plan = "pro" });
                    }

                    break;
                case 3: // cart abandoner
                    Add(events, id, "product_view", nowUtc.AddHours(-random.Next(3, 30)), null, new { sku = $"SKU-{random.Next(100, 999)}" });
                    Add(events, id, "add_to_cart", nowUtc.AddHours(-random.Next(2, 3)), null, new { sku = $"SKU-{random.Next(100, 999)}" });
                    break;
                case 4: // newcomer with a first purchase
                    Sessions(events, random, id, nowUtc.AddDays(-random.Next(3, 12)), nowUtc.AddDays(-random.Next(0, 3)), purchases: 1, ticket: random.Next(30, 120));
                    break;
                default: // reader
                    for (var o = 0; o < random.Next(2, 6); o++)
                    {
                        Add(events, id, o % 2 == 0 ? "email_open" : "email_click", nowUtc.AddDays(-random.Next(0, 25)), null, new { campaign = "newsletter" });
                    }

                    break;
            }
        }

        return events;
    }

    private static void Sessions(List<IncomingEvent?> events, Random random, string id, DateTime from, DateTime to, int purchases, int ticket)
    {
        var span = (to - from).TotalHours;
        for (var p = 0; p < purchases; p++)
        {
            var at = from.AddHours(span * (p + 1) / purchases);
            Add(events, id, "product_view", at.AddMinutes(-20), null, new { sku = $"SKU-{random.Next(100, 999)}" });
            Add(events, id, "add_to_cart", at.AddMinutes(-10), null, new { sku = $"SKU-{random.Next(100, 999)}" });
            Add(events, id, "purchase", at, ticket + random.Next(-20, 60), new { currency = "EUR", items = random.Next(1, 4) });
        }
    }

    private static void Add(List<IncomingEvent?> events, string customer, string type, DateTime at, decimal? value, object properties) =>
        events.Add(new IncomingEvent(
            $"demo-{customer}-{events.Count}",
            customer,
            type,
            at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            value is { } v ? JsonSerializer.SerializeToElement(v) : null,
            JsonSerializer.SerializeToElement(properties)));
}
