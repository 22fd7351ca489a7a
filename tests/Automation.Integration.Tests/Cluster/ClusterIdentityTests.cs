using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Cluster;

namespace Automation.Integration.Tests.Cluster;

/// <summary>An anonymous visitor and the customer they turn out to be, whose partitions two different engine processes own.</summary>
public sealed class ClusterIdentityTests
{
    [Fact]
    public async Task Identify_merges_a_history_owned_by_another_process_and_later_anonymous_events_count_for_the_customer()
    {
        using var backends = BrokerAndDatabase.Create();
        var settings = backends.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        await using var first = await HostProcess.StartAsync(requireDesigner: false, settings: settings, startTimeout: TimeSpan.FromSeconds(180));
        await using var second = await HostProcess.StartAsync(requireDesigner: false, settings: settings, startTimeout: TimeSpan.FromSeconds(180));
        using var admin = await first.AdminClientAsync();
        var cluster = await Poll.UntilAsync(() => ClusterState.ReadAsync(admin), c => c.SharedFairly(2), TimeSpan.FromSeconds(30));
        Assert.True(cluster.SharedFairly(2), $"two processes should share the partitions: {cluster}");
        var (firsts, seconds) = (cluster.Owned.Values.First(), cluster.Owned.Values.Last());
        var run = Guid.NewGuid().ToString("N")[..6];
        var anonymous = Enumerable.Range(0, 1000).Select(i => $"anon-{run}-{i}").First(id => firsts.Contains(CustomerPartitions.Of(id, 64)));
        var customer = Enumerable.Range(0, 1000).Select(i => $"cust-{run}-{i}").First(id => seconds.Contains(CustomerPartitions.Of(id, 64)));
        var now = DateTime.UtcNow;
        using var api = first.ApiClient();

        await PostAsync(api, [.. Enumerable.Range(0, 3).Select(i => PageView($"{run}-a{i}", anonymous, now.AddHours(-3).AddMinutes(i)))]);
        await PostAsync(api, [PageView($"{run}-c0", customer, now.AddHours(-2))]);
        await PostAsync(api, [new { id = $"{run}-id", customerId = customer, type = "identify", timestamp = Iso(now.AddHours(-1)), properties = new { anonymousId = anonymous } }]);
        await PostAsync(api, [.. Enumerable.Range(0, 2).Select(i => PageView($"{run}-late{i}", anonymous, now.AddMinutes(-10 + i)))]);

        var drained = await Poll.UntilAsync(() => ClusterState.ReadAsync(admin), c => c.Waiting == 0, TimeSpan.FromSeconds(60));
        Assert.Equal(0, drained.Waiting);
        var profile = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}"),
            p => p.GetProperty("features").GetProperty("pageViews7d").GetInt32() == 6,
            TimeSpan.FromSeconds(30));
        Assert.Equal(6, profile.GetProperty("features").GetProperty("pageViews7d").GetInt32());
        Assert.Equal(7, profile.GetProperty("features").GetProperty("totalEvents").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/customers/{anonymous}")).StatusCode);
    }

    private static object PageView(string id, string customerId, DateTime at) =>
        new { id, customerId, type = "page_view", timestamp = Iso(at) };

    private static string Iso(DateTime at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static async Task PostAsync(HttpClient api, object[] events)
    {
        using var response = await api.PostAsJsonAsync("/api/events", new { events });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
