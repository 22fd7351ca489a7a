using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Automation.Testing;

/// <summary>
/// Generated bad event batches: random valid events around at least one item broken in a way the rules must refuse,
/// or a body broken as a whole. Deterministic per seed, so a failure can be replayed.
/// </summary>
public static class BadEventBatches
{
    /// <summary>Stands in the JSON text for an escaped unpaired surrogate (\ud800), which JsonObject cannot write.</summary>
    public const string LoneSurrogate = "~lone-surrogate~";

    /// <summary>Stands in the JSON text for bytes that are not UTF-8.</summary>
    public const string InvalidUtf8 = "~invalid-utf8~";

    private static readonly string[] Types = ["page_view", "pricing_view", "product_view", "add_to_cart", "purchase", "email_open", "custom.event_1"];

    private static readonly byte[][] NotUtf8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80]];

    public static byte[] Batch(Random random, string run)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (random.Next(8) == 0)
        {
            return BrokenBody(random, run);
        }

        var events = new JsonArray();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            events.Add(Valid(random, run));
        }

        var bad = Valid(random, run);
        Break(random, bad);
        events.Insert(random.Next(events.Count + 1), bad);
        return Utf8WithDefects(random, new JsonObject { ["events"] = events }.ToJsonString());
    }

    /// <summary>The JSON text as UTF-8, with each stand-in replaced by the defect it names.</summary>
    public static byte[] Utf8WithDefects(Random random, string json)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(json);
        var parts = json.Replace(LoneSurrogate, Pick(random, "\\ud800", "\\udfff", "\\ud83d\\u0041")!.GetValue<string>(), StringComparison.Ordinal)
            .Split(InvalidUtf8);
        var bytes = new List<byte>(json.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            bytes.AddRange(i == 0 ? [] : NotUtf8[random.Next(NotUtf8.Length)]);
            bytes.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }

        return [.. bytes];
    }

    public static JsonObject Valid(Random random, string run)
    {
        ArgumentNullException.ThrowIfNull(random);
        var type = Types[random.Next(Types.Length)];
        var e = new JsonObject
        {
            ["id"] = $"{run}-{random.NextInt64():x}",
            ["customerId"] = $"{run}-c{random.Next(50)}",
            ["type"] = type,
            ["timestamp"] = DateTime.UtcNow.AddMinutes(-random.Next(100_000)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
        if (type == "purchase")
        {
            e["value"] = random.Next(1, 500);
        }

        if (random.Next(2) == 0)
        {
            e["properties"] = new JsonObject { ["path"] = "/p/" + random.Next(100) };
        }

        return e;
    }

    /// <summary>Breaks one rule every event must obey.</summary>
    private static void Break(Random random, JsonObject e)
    {
        switch (random.Next(26))
        {
            case 0: e.Remove("customerId"); break;
            case 1: e["customerId"] = ""; break;
            case 2: e["customerId"] = new string('c', 201 + random.Next(500)); break;
            case 3: e["customerId"] = new JsonObject(); break;
            case 4: e.Remove("type"); break;
            case 5: e["type"] = Pick(random, "Page View", "PAGE_VIEW", "1abc", "-x", "a b", "ä", "page-view", "_x", " page_view", "page_view\n"); break;
            case 6: e["type"] = new string('a', 101 + random.Next(100)); break;
            case 7: e.Remove("timestamp"); break;
            case 8: e["timestamp"] = Pick(random, "yesterday", "2026-11-20", "2026-11-20T10:00:00", "20/11/2026 10:00", "2026-13-40T10:00:00Z", "2026-11-20T25:61:00Z", "", "0", "NaN", "2026-11-20T10:00:00Z\n"); break;
            case 9: e["timestamp"] = DateTime.UtcNow.AddDays(2 + random.Next(1000)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture); break;
            case 10: e["timestamp"] = random.Next(); break;
            case 11: e["value"] = Pick(random, "12", "abc", "", "1e5"); break;
            case 12: e["value"] = new JsonArray(1, 2); break;
            case 13: e["type"] = "purchase"; e.Remove("value"); break;
            case 14: e["type"] = Pick(random, "purchase", "refund"); e["value"] = -1 - random.Next(1000); break;
            case 15: e["properties"] = Pick(random, "text", "[]"); break;
            case 16: e["properties"] = new JsonArray("a", "b"); break;
            case 17: e["properties"] = new JsonObject { ["blob"] = new string('x', 16 * 1024 + random.Next(1000)) }; break;
            case 18: e["id"] = new string('i', 201 + random.Next(300)); break;
            case 19: e["type"] = "identify"; e["properties"] = new JsonObject { ["anonymousId"] = Pick(random, 7, true, "") }; break;
            case 20: e["value"] = 1e30; break;
            case 21: e["customerId"] = random.Next(2) == 0 ? null : true; break;
            case 22: e["timestamp"] = Pick(random, "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "1970-01-01T00:30:00+01:00", "1900-06-01T12:00:00Z"); break;
            case 23: e[Pick(random, "customerId", "id")!.GetValue<string>()] = "c" + Pick(random, LoneSurrogate, InvalidUtf8); break;
            case 24: e["properties"] = new JsonObject { ["note"] = "n" + Pick(random, LoneSurrogate, InvalidUtf8) }; break;
            default: e["type"] = "identify"; e["properties"] = new JsonObject { ["anonymousId"] = "anon-" + Pick(random, LoneSurrogate, InvalidUtf8) }; break;
        }
    }

    private static byte[] BrokenBody(Random random, string run)
    {
        var valid = new JsonObject { ["events"] = new JsonArray(Valid(random, run), Valid(random, run)) }.ToJsonString();
        var text = random.Next(10) switch
        {
            0 => valid[..random.Next(valid.Length - 1)],
            1 => "",
            2 => "[" + valid + "]",
            3 => "{\"events\": {}}",
            4 => "{\"events\": \"" + run + "\"}",
            5 => "{\"evnts\": []}",
            6 => "{\"events\": []}",
            7 => new string('[', 100) + new string(']', 100),
            8 => "{\"events\": [" + string.Join(",", Enumerable.Repeat("{\"a\":" + new string('[', 40) + new string(']', 40) + "}", 2)) + "]}",
            _ => valid.Replace("\"events\"", "\"events\" :: ", StringComparison.Ordinal),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static JsonNode? Pick(Random random, params JsonNode?[] options) => options[random.Next(options.Length)];
}
