using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Rules;

public sealed class RuleSetTests
{
    [Fact]
    public async Task An_invalid_rule_set_is_refused_with_each_field_and_nothing_is_saved()
    {
        using var host = AutomationHost.Embedded();
        using var client = await host.AdminAsync();

        var response = await client.PutAsJsonAsync("/api/rule-sets/tiers", new
        {
            name = "Tiers",
            rules = new
            {
                rules = new object[]
                {
                    new { ruleName = "hot", expression = "Features.Purchases >= 2 && Features.Bogus" },
                    new { ruleName = "escape", expression = "\"\".GetType().Assembly.DefinedTypes.Where(it.Name == \"AppDomain\").First() != null" },
                },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(items, p => p.GetProperty("field").GetString() == "rules.rules[0].expression" && p.GetProperty("position").ValueKind == JsonValueKind.Number);
        // The parser itself refuses reflection (System.Linq.Dynamic.Core's own guard), before the sandbox walks the tree.
        Assert.Contains(items, p => p.GetProperty("field").GetString() == "rules.rules[1].expression" && p.GetProperty("message").GetString()!.Contains("GetType", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/rule-sets/tiers")).StatusCode);
    }

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task A_saved_rule_set_decides_a_customers_branch_in_a_shipped_workflow()
    {
        using var host = AutomationHost.Embedded();
        using var client = await host.AdminAsync();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/rule-sets");
        var shipped = Assert.Single(list.EnumerateArray(), r => r.GetProperty("key").GetString() == "engagement-tier");
        Assert.Equal(["ready-to-buy", "browsing", "none"], shipped.GetProperty("ports").EnumerateArray().Select(p => p.GetString()));

        var customer = "rules-" + Guid.NewGuid().ToString("N")[..10];
        var email = $"{customer}@example.test";
        var now = DateTime.UtcNow;
        var response = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = customer, type = "identify", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-40)), properties = new { email, name = "Rae Reader" } },
                new { customerId = customer, type = "add_to_cart", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-30)), properties = new { sku = "mug" } },
                new { customerId = customer, type = "email_open", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-20)) },
                new { customerId = customer, type = "email_open", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-15)) },
                new { customerId = customer, type = "email_click", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-10)) },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var message = await Maildir.WaitForMessageToAsync(email, TimeSpan.FromSeconds(45));
        Assert.Equal("Ready when you are", message.Subject);
        var instances = await client.GetFromJsonAsync<JsonElement>("/api/workflows/engaged-reader-offer/instances");
        var instance = Assert.Single(instances.EnumerateArray(), i => i.GetProperty("customerId").GetString() == customer);
        var path = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.GetProperty("id").GetGuid()}");
        var tier = Assert.Single(path.GetProperty("steps").EnumerateArray(), s => s.GetProperty("activityType").GetString() == "ruleSet");
        Assert.Equal("ready-to-buy", tier.GetProperty("port").GetString());
        Assert.Contains("cart adds 1", tier.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var tried = await client.PostAsJsonAsync("/api/rule-sets/engagement-tier/evaluate", new { customerId = customer });
        Assert.Equal("ready-to-buy", (await tried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("port").GetString());
    }

    [Fact]
    public async Task A_change_that_drops_a_rule_a_published_workflow_uses_is_refused()
    {
        using var host = AutomationHost.Embedded();
        using var client = await host.AdminAsync();

        var response = await client.PutAsJsonAsync("/api/rule-sets/engagement-tier", new
        {
            name = "Engagement tier",
            rules = new { rules = new object[] { new { ruleName = "ready-to-buy", expression = "Features.CartAdds30d >= 1" } } },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("engaged-reader-offer v1 node 'tier': port 'browsing'", detail, StringComparison.Ordinal);
    }
}
