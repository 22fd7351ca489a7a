using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Automation.Testing;

/// <summary>
/// Generated events that obey every rule yet sit at the edges: the largest amounts either way, odd Unicode in ids and
/// properties (emoji, combining marks, right-to-left and zero-width characters), long ids, deep and wide property maps
/// near their size limit, identify events with traits, old and barely-future timestamps. Deterministic per seed.
/// </summary>
public static class HostileEvents
{
    private static readonly string[] Types = ["page_view", "pricing_view", "product_view", "add_to_cart", "checkout_started", "purchase", "refund", "email_open", "email_click", "email_unsubscribe", "ad_click", "support_ticket", "identify", "feature_used", "z.custom_9"];

    private static readonly string[] Odd = ["😀", "e\u0301", "\u200b", "\u202e", "\u05d0\u05d1", "𝔘𝔫𝔦", "\ufeff", "ß", "İ", "\u2028", "\"'<>&", "\\u0041", "null"];

    public static JsonObject Event(Random random, int customers, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(random);
        var type = Types[random.Next(Types.Length)];
        var e = new JsonObject
        {
            ["id"] = $"hostile-{Guid.NewGuid():N}",
            ["customerId"] = CustomerId(random, customers),
            ["type"] = type,
            ["timestamp"] = Timestamp(random, now),
        };
        if (type is "purchase" or "refund")
        {
            e["value"] = Amount(random, positive: true);
        }
        else if (random.Next(3) == 0)
        {
            e["value"] = Amount(random, positive: false);
        }

        if (random.Next(2) == 0)
        {
            e["properties"] = Properties(random, type);
        }

        return e;
    }

    /// <summary>A few dozen customers share most events, so that histories grow long and fold out of order.</summary>
    public static string CustomerId(Random random, int customers)
    {
        ArgumentNullException.ThrowIfNull(random);
        var n = random.Next(customers);
        return (n % 5) switch
        {
            0 => $"h-{n}",
            1 => $"h-{n}-{Odd[n % Odd.Length]}",
            2 => $"h-{n}-" + new string('x', 180),
            3 => $"H-{n}-ﬁ-ＡＢ",
            _ => $"h-{n}@example.com",
        };
    }

    private static string Timestamp(Random random, DateTime now)
    {
        var at = random.Next(6) switch
        {
            0 => now.AddHours(23),
            1 => new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(1_000_000)),
            2 => now.AddTicks(-random.Next(1, 10_000)),
            _ => now.AddMinutes(-random.Next(0, 60 * 24 * 400)),
        };
        var offset = TimeSpan.FromMinutes(random.Next(-12 * 60, 14 * 60 + 1) / 15 * 15);
        return new DateTimeOffset(at).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    }

    private static decimal Amount(Random random, bool positive) => random.Next(6) switch
    {
        0 => 1_000_000_000m,
        1 => 0m,
        2 => 0.0001m,
        3 => positive ? 999_999_999.9999m : -1_000_000_000m,
        4 => 123456789.123456789m,
        _ => Math.Round((decimal)random.NextDouble() * 1_000m, 2),
    };

    private static JsonObject Properties(Random random, string type)
    {
        var properties = new JsonObject();
        if (type == "identify")
        {
            properties["email"] = $"Hostile.{random.Next(1000)}{Odd[random.Next(Odd.Length)]}@Example.COM";
            properties["name"] = string.Concat(Enumerable.Range(0, 3).Select(_ => Odd[random.Next(Odd.Length)]));
            properties["phone"] = "+1 (555) 0100 " + new string('9', random.Next(0, 40));
            properties["anonymousId"] = $"anon-{random.Next(50)}";
            return properties;
        }

        // Wide or deep, but under the 16 KB limit.
        var wide = random.Next(3) == 0;
        var size = 0;
        for (var i = 0; size < 12_000 && i < (wide ? 400 : 20); i++)
        {
            var key = $"k{i}{Odd[random.Next(Odd.Length)]}";
            JsonNode value = (i % 4) switch
            {
                0 => new string('v', random.Next(0, 200)),
                1 => random.Next(2) == 0 ? double.MaxValue : -0.0,
                2 => Nested(random, depth: random.Next(1, 20)),
                _ => new JsonArray(Enumerable.Range(0, random.Next(0, 30)).Select(j => (JsonNode?)JsonValue.Create(j)).ToArray()),
            };
            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value.ToJsonString()) + 4;
            properties[key] = value;
        }

        return properties;
    }

    private static JsonNode Nested(Random random, int depth)
    {
        JsonNode node = Odd[random.Next(Odd.Length)];
        for (var d = 0; d < depth; d++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }
}
