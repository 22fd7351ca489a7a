namespace Automation.Testing.Histories;

/// <summary>
/// A generated purchase history in 30-day windows ending at <c>end</c>. Every customer bought early on, then in each
/// window either shows the planted warning sign (support tickets, no email opens) or not (email opens, no tickets),
/// at random. With a planted signal, a customer who showed the sign in a window buys in the next one with
/// probability 0.2, otherwise 0.8; as noise, buying has probability 0.5 whatever happened. Recency, frequency and
/// spend carry no information about the next window either way, so an RFM-only model can do no better than chance.
/// </summary>
public static class ChurnHistory
{
    public const int WindowDays = 30;
    private const int Windows = 5;

    public static List<HistoryEvent> Generate(int customers, DateTime end, bool planted, int seed = 11)
    {
        var random = new Random(seed);
        var events = new List<HistoryEvent>();
        var start = end.AddDays(-WindowDays * (Windows + 1));
        for (var c = 0; c < customers; c++)
        {
            var id = $"h-{c:D5}";
            var at = (DateTime from, int days) => from.AddDays(days * random.NextDouble()).AddSeconds(random.Next(60));
            for (var p = 0; p < 1 + random.Next(3); p++)
            {
                events.Add(new HistoryEvent(id, "purchase", at(start, WindowDays), random.Next(20, 400)));
            }

            var warned = random.NextDouble() < 0.5;
            for (var w = 0; w < Windows; w++)
            {
                var from = start.AddDays(WindowDays * (w + 1));
                var buys = planted ? random.NextDouble() < (warned ? 0.2 : 0.8) : random.NextDouble() < 0.5;
                if (buys)
                {
                    events.Add(new HistoryEvent(id, "purchase", at(from, WindowDays), random.Next(20, 400)));
                }

                warned = random.NextDouble() < 0.5;
                events.AddRange(Warning(id, from, warned, random));
                for (var v = random.Next(4); v > 0; v--)
                {
                    events.Add(new HistoryEvent(id, "page_view", at(from, WindowDays)));
                }
            }
        }

        return [.. events.OrderBy(e => e.CustomerId, StringComparer.Ordinal).ThenBy(e => e.Timestamp)];
    }

    /// <summary>The warning sign, placed in the last three weeks of a window so it is inside the 30-day features at its end.</summary>
    public static IEnumerable<HistoryEvent> Warning(string id, DateTime windowStart, bool warned, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = 2 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var when = windowStart.AddDays(9 + (20 * random.NextDouble()));
            yield return new HistoryEvent(id, warned ? "support_ticket" : "email_open", when);
        }
    }
}
