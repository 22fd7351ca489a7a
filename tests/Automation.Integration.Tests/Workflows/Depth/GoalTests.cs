using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Workflows.Depth.DepthHost;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>A workflow's goal takes a customer out as converted whenever it becomes true, and the uplift report counts it.</summary>
public sealed class GoalTests
{
    [Fact]
    public async Task Goal_ends_a_waiting_instance_as_converted_when_the_customer_buys_and_the_uplift_report_counts_it_on_rabbitmq_and_postgres()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, Definition("depth-goal", """{ "event": "purchase", "name": "first purchase" }"""));
        var run = Guid.NewGuid().ToString("N")[..6];
        var customers = Enumerable.Range(0, 12).Select(i => $"goal-{run}-{i}").ToList();
        await SendAsync(host, customers.Select(c => Event(c, "depth_goal_start", DateTime.UtcNow)));
        var waiting = await UntilAsync(designer, "depth-goal", all => all.Count(i => Status(i) == "waiting") == customers.Count);
        var treated = waiting.Where(i => i.GetProperty("branch").GetString() == "treat").Select(Customer).ToList();
        var holdout = waiting.Where(i => i.GetProperty("branch").GetString() == "holdout").Select(Customer).ToList();
        Assert.True(treated.Count > 0 && holdout.Count > 0, "both branches need customers for the uplift");

        // One treated and one held-out customer buy; another treated customer only browses.
        var buyers = new[] { treated[0], holdout[0] };
        await SendAsync(host, buyers.Select(c => (object)new { customerId = c, type = "purchase", timestamp = Iso(DateTime.UtcNow), value = 40 }).Append(Event(treated[^1], "page_view", DateTime.UtcNow)));
        var after = await UntilAsync(designer, "depth-goal", all => all.Count(i => Status(i) == "converted") == 2);
        Assert.Equal(buyers.Order(), after.Where(i => Status(i) == "converted").Select(Customer).Order());
        Assert.Equal(customers.Count - 2, after.Count(i => Status(i) == "waiting"));

        var steps = await StepsAsync(designer, after.First(i => Customer(i) == treated[0]));
        Assert.Contains(steps, s => s.Activity == "goal" && s.Summary.StartsWith("goal first purchase reached: purchase happened (left the workflow at wait-treat)", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.Activity == "after"); // it never reached the step after the wait

        var dashboard = await designer.GetFromJsonAsync<JsonElement>("/api/dashboard");
        var uplift = dashboard.GetProperty("upliftByWorkflow").EnumerateArray().Single(u => u.GetProperty("workflowId").GetString() == "depth-goal");
        Assert.Equal((treated.Count, 1, holdout.Count, 1), (uplift.GetProperty("treated").GetInt32(), uplift.GetProperty("treatedConverted").GetInt32(), uplift.GetProperty("holdout").GetInt32(), uplift.GetProperty("holdoutConverted").GetInt32()));
    }

    [Fact]
    public async Task Goal_expression_over_the_profile_ends_the_instance_once_it_becomes_true()
    {
        using var host = AutomationHost.Embedded();
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, Definition("depth-goal-expr", """{ "expression": "Features.CartAdds7d >= 2" }"""));
        var customer = "goalx-" + Guid.NewGuid().ToString("N")[..6];
        await SendAsync(host, [Event(customer, "depth_goal_start", DateTime.UtcNow)]);
        await UntilAsync(designer, "depth-goal-expr", all => all.Count(i => Status(i) == "waiting") == 1);

        await SendAsync(host, [Event(customer, "add_to_cart", DateTime.UtcNow)]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal("waiting", Status(Assert.Single(await InstancesAsync(designer, "depth-goal-expr")))); // one cart add is not the goal

        await SendAsync(host, [Event(customer, "add_to_cart", DateTime.UtcNow)]);
        var converted = await UntilAsync(designer, "depth-goal-expr", all => all.Count(i => Status(i) == "converted") == 1);
        Assert.Contains(await StepsAsync(designer, converted[0]), s => s.Activity == "goal" && s.Summary.Contains("Features.CartAdds7d >= 2 is true", StringComparison.Ordinal));
    }

    private static JsonNode Definition(string id, string goal) => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "name": "Depth: goal", "trigger": { "type": "event", "event": "depth_goal_start" },
          "goal": {{goal}},
          "activities": [
            { "id": "split", "type": "split", "branches": [ { "port": "treat", "percent": 50 }, { "port": "holdout", "percent": 50 } ] },
            { "id": "wait-treat", "type": "waitForDuration", "duration": "P7D" },
            { "id": "wait-holdout", "type": "waitForDuration", "duration": "P7D" },
            { "id": "after", "type": "note", "text": "a week went by" }
          ],
          "connections": [
            { "from": "split", "port": "treat", "to": "wait-treat" },
            { "from": "split", "port": "holdout", "to": "wait-holdout" },
            { "from": "wait-treat", "port": "done", "to": "after" }
          ]
        }
        """)!;
}
