using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Discovery;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Automation.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Discovery;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task Big_spenders_and_pricing_browsers_come_out_as_separate_clusters_with_expressions_that_select_them()
    {
        using var host = AutomationHost.Embedded();
        var now = DateTime.UtcNow;
        var events = new List<object>();
        for (var i = 0; i < 30; i++)
        {
            for (var p = 0; p < 6; p++)
            {
                events.Add(new { customerId = $"spender-{i}", type = "purchase", timestamp = Iso(now.AddDays(-p * 3 - 1)), value = 300 + i });
            }

            for (var v = 0; v < 5; v++)
            {
                events.Add(new { customerId = $"browser-{i}", type = "pricing_view", timestamp = Iso(now.AddDays(-v).AddHours(-1)) });
            }
        }

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await host.PostEventsAsync(new { events })).StatusCode);
        using var client = await host.AdminAsync();
        await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/customers?take=1")).GetProperty("total").GetInt32(),
            total => total == 60,
            TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        var result = await host.Services.GetRequiredService<CustomerClustering>().RunAsync(2, CancellationToken.None);

        Assert.Equal(60, result.Customers);
        Assert.Equal([30, 30], result.Clusters.Select(c => c.Size));
        Assert.True(result.Silhouette > 0.5, $"silhouette {result.Silhouette}");
        Assert.All(result.Clusters, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));

        // Each cluster's expression, saved as a segment, would hold exactly that group of customers.
        var compiler = host.Services.GetRequiredService<ProfileExpressionCompiler>();
        var calculator = host.Services.GetRequiredService<FeatureCalculator>();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();
        var profiles = await db.Profiles.AsNoTracking().ToListAsync();
        var selected = result.Clusters.Select(c =>
        {
            var expression = compiler.Compile(c.Expression);
            return profiles.Where(p => expression.Evaluate(calculator.Features(p, DateTime.UtcNow), FeatureCalculator.Scores(p)))
                .Select(p => p.CustomerId.Split('-')[0]).Distinct().ToList();
        }).ToList();
        Assert.Contains(selected, group => group.SequenceEqual(["spender"]));
        Assert.Contains(selected, group => group.SequenceEqual(["browser"]));
        Assert.All(result.Clusters, c => Assert.Equal(30, profiles.Count(p => compiler.Compile(c.Expression).Evaluate(calculator.Features(p, DateTime.UtcNow), FeatureCalculator.Scores(p)))));
    }

    [Fact]
    public async Task Three_planted_groups_lead_discovery_to_propose_three_clusters()
    {
        using var host = AutomationHost.Embedded();
        var now = DateTime.UtcNow;
        var events = new List<object>();
        for (var i = 0; i < 20; i++)
        {
            for (var p = 0; p < 5; p++)
            {
                events.Add(new { customerId = $"spender-{i}", type = "purchase", timestamp = Iso(now.AddDays(-p * 4 - 1)), value = 250 + (i * 3) });
                events.Add(new { customerId = $"browser-{i}", type = "pricing_view", timestamp = Iso(now.AddDays(-p).AddHours(-2)) });
                events.Add(new { customerId = $"complainer-{i}", type = "support_ticket", timestamp = Iso(now.AddDays(-p * 2).AddHours(-3)) });
            }
        }

        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await host.PostEventsAsync(new { events })).StatusCode);
        using var client = await host.AdminAsync();
        await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/customers?take=1")).GetProperty("total").GetInt32(),
            total => total == 60,
            TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        var sweep = await host.Services.GetRequiredService<CustomerClustering>().SweepAsync(2, 6, CancellationToken.None);

        Assert.Equal([2, 3, 4, 5, 6], sweep.Runs.Select(r => r.K));
        Assert.Equal(3, sweep.ProposedK);
        Assert.Equal([20, 20, 20], sweep.Proposed.Clusters.Select(c => c.Size));
        var three = sweep.Runs.Single(r => r.K == 3);
        Assert.True(three.DaviesBouldin < sweep.Runs.Single(r => r.K == 2).DaviesBouldin, $"Davies-Bouldin {three.DaviesBouldin} at k=3");
        Assert.Contains(sweep.Proposed.Clusters, c => c.Description.Contains("support tickets", StringComparison.Ordinal));
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
