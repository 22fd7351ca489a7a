using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Integration.Tests.EndToEnd;

/// <summary>
/// A fresh demo's segment size charts have the past its seeded history implies (one point a day over 90 days), not
/// one dot, and end at the size the segment list shows.
/// </summary>
public sealed class FreshDemoSizeHistoryTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    [Fact]
    public Task A_fresh_demo_has_90_days_of_segment_sizes_ending_at_each_segments_current_size() =>
        AssertSizeHistoryAsync([]);

    [ServiceFact(TestServices.Postgres)]
    public async Task A_fresh_demo_on_PostgreSQL_has_90_days_of_segment_sizes_ending_at_each_segments_current_size()
    {
        using var backends = BrokerAndDatabase.Create();
        await AssertSizeHistoryAsync(new() { ["Automation__Database"] = "Postgres", ["Automation__PostgresConnectionString"] = backends.ConnectionString });
    }

    private static async Task AssertSizeHistoryAsync(Dictionary<string, string> settings)
    {
        settings["Automation__SeedDemoData"] = "true";
        settings["Automation__Plugins__Email__Smtp__Host"] = "";
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: settings);
        using var client = await host.AdminClientAsync();

        // Just after start the seeded events are still being processed and the first RFM run is seconds away: wait
        // (at most Settle) until the RFM segments are filled and two reads agree.
        var deadline = DateTime.UtcNow + Settle;
        var seen = await SegmentsWithHistoryAsync(client);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            var again = await SegmentsWithHistoryAsync(client);
            var settled = again["rfm-champions"].Size > 0 && again.All(s => seen.TryGetValue(s.Key, out var before) && before.Size == s.Value.Size);
            seen = again;
            if (settled)
            {
                break;
            }
        }

        var today = DateTime.UtcNow.Date;
        foreach (var (key, (size, history)) in seen)
        {
            Assert.True(history.Count == 90, $"{key} has {history.Count} points of size history, not one a day over 90 days");
            Assert.Equal(Enumerable.Range(0, 90).Select(i => today.AddDays(i - 89)), history.Select(h => h.Day));
            Assert.True(history[^1].Size == size, $"{key}: today's point is {history[^1].Size}, the segment has {size} members");
        }

        // Shaped by the history, not flat: customers arrive over months, buy, and lapse.
        Assert.True(seen.Values.Count(s => s.History.Select(h => h.Size).Distinct().Count() >= 5) >= 3, "fewer than three segments' sizes changed over the 90 days");

        // Spend only grows, so the VIP segment (spent 1,000 or more) never shrinks in a replay of what happened.
        var vip = seen["vip"].History.Select(h => h.Size).ToList();
        Assert.True(vip.Zip(vip.Skip(1)).All(p => p.Second >= p.First), "the VIP segment shrank: " + string.Join(", ", vip));
        Assert.True(vip[0] < vip[^1], "the VIP segment did not grow over the 90 days: " + string.Join(", ", vip));
    }

    private static async Task<Dictionary<string, (int Size, List<(DateTime Day, int Size)> History)>> SegmentsWithHistoryAsync(HttpClient client)
    {
        var result = new Dictionary<string, (int, List<(DateTime, int)>)>(StringComparer.Ordinal);
        foreach (var segment in (await client.GetFromJsonAsync<List<JsonElement>>("/api/segments"))!)
        {
            var key = segment.GetProperty("key").GetString()!;
            var history = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/segments/{key}/history"))!
                .Select(h => (h.GetProperty("date").GetDateTime().Date, h.GetProperty("size").GetInt32())).ToList();
            result[key] = (segment.GetProperty("size").GetInt32(), history);
        }

        return result;
    }
}
