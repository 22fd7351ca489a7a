using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Workflows.Depth.DepthHost;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>An A/B test measured against the workflow's goal picks the clearly better variant and sends every later customer down it.</summary>
public sealed class AbTestWinnerTests
{
    [Fact]
    public async Task Ab_test_with_a_clearly_better_variant_picks_it_after_enough_customers_and_every_later_customer_takes_it()
    {
        using var host = AutomationHost.Embedded();
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, Definition());
        var run = Guid.NewGuid().ToString("N")[..6];
        var first = Enumerable.Range(0, 100).Select(i => $"ab-{run}-{i}").ToList();
        await SendAsync(host, first.Select(c => Event(c, "depth_ab_enter", DateTime.UtcNow)));
        var waiting = await UntilAsync(designer, "depth-ab", all => all.Count(i => Status(i) == "waiting") == first.Count);
        Assert.Empty((await LiveAsync(designer)).GetProperty("winners").EnumerateArray()); // nobody converted yet: no winner

        // Simulated conversions: 2 customers of variant a buy, 3 in 5 of variant b.
        var a = waiting.Where(i => Branch(i) == "a").Select(Customer).ToList();
        var b = waiting.Where(i => Branch(i) == "b").Select(Customer).ToList();
        Assert.True(a.Count >= 30 && b.Count >= 30, $"variants a {a.Count} and b {b.Count} need 30 customers each");
        var buyers = a.Take(2).Concat(b.Where((_, i) => i % 5 < 3)).ToList();
        await SendAsync(host, buyers.Select(c => (object)new { customerId = c, type = "purchase", timestamp = Iso(DateTime.UtcNow), value = 25 }));
        await UntilAsync(designer, "depth-ab", all => all.Count(i => Status(i) == "converted") == buyers.Count);

        var later = Enumerable.Range(0, 40).Select(i => $"ab-{run}-later-{i}").ToList();
        await SendAsync(host, later.Select(c => Event(c, "depth_ab_enter", DateTime.UtcNow)));
        var all = await UntilAsync(designer, "depth-ab", all => all.Count(i => later.Contains(Customer(i))) == later.Count);
        var latecomers = all.Where(i => later.Contains(Customer(i))).ToList();
        Assert.All(latecomers, i => Assert.Equal("b", Branch(i)));

        var winner = Assert.Single((await LiveAsync(designer)).GetProperty("winners").EnumerateArray());
        Assert.Equal(("test", "b"), (winner.GetProperty("activityId").GetString(), winner.GetProperty("port").GetString()));
        Assert.True(winner.GetProperty("probabilityBest").GetDouble() >= 0.95);
        Assert.Contains($"a 2/{a.Count} converted", winner.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var journals = await Task.WhenAll(latecomers.Select(i => StepsAsync(designer, i)));
        var abSteps = journals.Select(steps => steps.Single(s => s.Activity == "test")).ToList();
        Assert.Single(abSteps, s => s.Summary.StartsWith("variant b wins with a", StringComparison.Ordinal)); // the customer whose arrival decided
        Assert.All(abSteps, s => Assert.Equal("b", s.Port));
        Assert.Equal(latecomers.Count - 1, abSteps.Count(s => s.Summary.StartsWith("variant b, the winner since", StringComparison.Ordinal)));
    }

    private static string? Branch(JsonElement instance) => instance.GetProperty("branch").GetString();

    private static Task<JsonElement> LiveAsync(HttpClient designer) => designer.GetFromJsonAsync<JsonElement>("/api/workflows/depth-ab/live");

    private static JsonNode Definition() => JsonNode.Parse("""
        {
          "id": "depth-ab", "name": "Depth: A/B test", "trigger": { "type": "event", "event": "depth_ab_enter" },
          "goal": { "event": "purchase", "name": "purchase" },
          "activities": [
            { "id": "test", "type": "abTest", "variants": [ { "port": "a", "percent": 50 }, { "port": "b", "percent": 50 } ], "minCustomersPerVariant": 30, "confidence": 0.95 },
            { "id": "wait-a", "type": "waitForDuration", "duration": "P7D" },
            { "id": "wait-b", "type": "waitForDuration", "duration": "P7D" }
          ],
          "connections": [
            { "from": "test", "port": "a", "to": "wait-a" },
            { "from": "test", "port": "b", "to": "wait-b" }
          ]
        }
        """)!;
}
