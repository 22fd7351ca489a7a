using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Testing;

namespace Automation.Integration.Tests.Rules;

/// <summary>
/// A decision rule set bound to a segment entry decides on NRules before any workflow starts: it suppresses one
/// customer (audited with the rule that did it) and picks, for another, one of the two workflows listening; the
/// started instance's journal shows the rules that fired and what they matched.
/// </summary>
public sealed class CrossingDecisionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_segment_entry_decision_suppresses_one_customer_and_routes_another_on_the_embedded_host()
    {
        using var host = AutomationHost.Embedded();
        await DecideAsync(host);
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task A_segment_entry_decision_suppresses_one_customer_and_routes_another_on_rabbitmq_and_postgres()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        await DecideAsync(host);
    }

    [Fact]
    public async Task An_event_trigger_comes_through_the_same_door_a_decision_bound_to_the_event_suppresses_one_customer_and_admits_another()
    {
        using var host = AutomationHost.Embedded();
        using var marketer = await host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var eventType = "quote_request_" + suffix;
        var workflow = "quote-follow-up-" + suffix;
        var key = "quote-decision-" + suffix;
        await PublishEventDecisionAsync(marketer, workflow, eventType, key, new object[] { new { ruleName = "ticket-open", expression = "Features.SupportTickets30d >= 1", suppress = "an open support ticket comes first" } });

        var ticketed = "ticketed-" + suffix;
        var welcome = "welcome-" + suffix;
        await PostAsync(host, ticketed, "support_ticket", eventType);
        await PostAsync(host, welcome, eventType);

        var started = await Poll.UntilAsync(() => InstanceAsync(marketer, workflow, welcome), i => i.HasValue, Patience);
        Assert.True(started.HasValue, $"no instance of {workflow} for {welcome} within {Patience}");
        var suppressed = await Poll.UntilAsync(
            async () => (await marketer.GetFromJsonAsync<JsonElement>("/api/audit?take=2000")).EnumerateArray()
                .FirstOrDefault(a => a.GetProperty("action").GetString() == "decision.suppressed" && a.GetProperty("subject").GetString() == $"customer/{ticketed}"),
            a => a.ValueKind == JsonValueKind.Object,
            Patience);
        Assert.True(suppressed.ValueKind == JsonValueKind.Object, $"no suppressed decision audited for {ticketed}");
        Assert.Contains($"event {eventType}: no workflow started, suppressed by {key} v1 rule 'ticket-open'", suppressed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await InstanceAsync(marketer, workflow, ticketed));
    }

    [Fact]
    public async Task A_decision_tags_the_customer_and_the_next_decision_reads_the_tag_and_the_trigger()
    {
        using var host = AutomationHost.Embedded();
        using var marketer = await host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var eventType = "demo_request_" + suffix;
        var workflow = "demo-follow-up-" + suffix;
        var key = "demo-decision-" + suffix;
        await PublishEventDecisionAsync(marketer, workflow, eventType, key, new object[]
        {
            new { ruleName = "first-ask", expression = $"!Tags.Has(\"asked-for-demo\") && Trigger.Is(\"event\", \"{eventType}\") && Recent.OpenApprovals == 0", tag = new[] { "asked-for-demo" } },
            new { ruleName = "asked-before", expression = "Tags.Has(\"asked-for-demo\")", suppress = "one demo follow-up per customer" },
        });

        var customer = "asker-" + suffix;
        await PostAsync(host, customer, eventType);
        var started = await Poll.UntilAsync(() => InstanceAsync(marketer, workflow, customer), i => i.HasValue, Patience);
        Assert.True(started.HasValue, $"no instance of {workflow} for {customer} within {Patience}");
        var page = await marketer.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}");
        var tag = Assert.Single(page.GetProperty("tags").EnumerateArray());
        Assert.Equal("asked-for-demo", tag.GetProperty("tag").GetString());
        Assert.Equal($"rule set '{key}' v1", tag.GetProperty("addedBy").GetString());

        await PostAsync(host, customer, eventType);
        var suppressed = await Poll.UntilAsync(
            async () => (await marketer.GetFromJsonAsync<JsonElement>("/api/audit?take=2000")).EnumerateArray()
                .FirstOrDefault(a => a.GetProperty("action").GetString() == "decision.suppressed" && a.GetProperty("subject").GetString() == $"customer/{customer}"),
            a => a.ValueKind == JsonValueKind.Object,
            Patience);
        Assert.True(suppressed.ValueKind == JsonValueKind.Object, $"the second {eventType} of {customer} was not suppressed");
        Assert.Contains("rule 'asked-before': one demo follow-up per customer", suppressed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Tags.Has(\"asked-for-demo\") = True", suppressed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var instances = (await marketer.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflow}/instances")).EnumerateArray().Count(i => i.GetProperty("customerId").GetString() == customer);
        Assert.Equal(1, instances);
    }

    [Fact]
    public async Task A_decision_naming_an_unknown_workflow_or_crossing_is_refused_with_the_fields()
    {
        using var host = AutomationHost.Embedded();
        using var marketer = await host.AdminAsync();

        using var response = await marketer.PutAsJsonAsync("/api/rule-sets/bad-decision", new
        {
            name = "Bad decision",
            rules = new
            {
                decides = new { trigger = "segment.entered", segment = "at-risk" },
                rules = new object[] { new { ruleName = "route", expression = "true", start = new[] { "no-such-workflow" } } },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("field").GetString() == "rules.rules[0].start[0]" && p.GetProperty("message").GetString()!.Contains("no-such-workflow", StringComparison.Ordinal));

        using var crossing = await marketer.PutAsJsonAsync("/api/rule-sets/bad-decision", new
        {
            name = "Bad decision",
            rules = new { decides = new { trigger = "segment.left" }, rules = new object[] { new { ruleName = "route", expression = "true" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, crossing.StatusCode);
        Assert.Contains("rules.decides.trigger", await crossing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task DecideAsync(AutomationHost host)
    {
        using var marketer = await host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var segment = "pricing-lookers-" + suffix;
        var chosen = "pricing-offer-" + suffix;
        var other = "pricing-survey-" + suffix;
        var key = "pricing-decision-" + suffix;
        using (var saved = await marketer.PutAsJsonAsync($"/api/segments/{segment}", new { name = segment, expression = "Features.PricingViews30d >= 1" }))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        await TestWorkflows.PublishAsync(marketer, OnEntry(chosen, segment));
        await TestWorkflows.PublishAsync(marketer, OnEntry(other, segment));
        using (var saved = await marketer.PutAsJsonAsync($"/api/rule-sets/{key}", new
        {
            name = key,
            rules = new
            {
                decides = new { trigger = "segment.entered", segment },
                rules = new object[]
                {
                    new { ruleName = "ticket-open", expression = "Features.SupportTickets30d >= 1", priority = 10, suppress = "an open support ticket suppresses promotions" },
                    new { ruleName = "route", expression = "Features.PricingViews30d >= 1", start = new[] { chosen } },
                },
            },
        }))
        {
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        var ticketed = "ticketed-" + suffix;
        var routed = "routed-" + suffix;
        await PostAsync(host, ticketed, "support_ticket", "pricing_view");
        await PostAsync(host, routed, "pricing_view");

        var instance = await Poll.UntilAsync(() => InstanceAsync(marketer, chosen, routed), i => i.HasValue, Patience);
        Assert.True(instance.HasValue, $"no instance of {chosen} for {routed} within {Patience}");
        var history = await marketer.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.Value.GetProperty("id").GetGuid()}");
        var trigger = history.GetProperty("steps")[0].GetProperty("summary").GetString();
        Assert.Contains($"decided by {key} v1: route (fired: route (Features.PricingViews30d = 1))", trigger, StringComparison.Ordinal);

        var suppressed = await Poll.UntilAsync(
            async () => (await marketer.GetFromJsonAsync<JsonElement>("/api/audit?take=2000")).EnumerateArray()
                .FirstOrDefault(a => a.GetProperty("action").GetString() == "decision.suppressed" && a.GetProperty("subject").GetString() == $"customer/{ticketed}"),
            a => a.ValueKind == JsonValueKind.Object,
            Patience);
        Assert.True(suppressed.ValueKind == JsonValueKind.Object, $"no suppressed decision audited for {ticketed}");
        var detail = suppressed.GetProperty("detail").GetString();
        Assert.Contains($"suppressed by {key} v1 rule 'ticket-open': an open support ticket suppresses promotions", detail, StringComparison.Ordinal);
        Assert.Contains("ticket-open (Features.SupportTickets30d = 1)", detail, StringComparison.Ordinal);

        Assert.Null(await InstanceAsync(marketer, chosen, ticketed));
        Assert.Null(await InstanceAsync(marketer, other, ticketed));
        Assert.Null(await InstanceAsync(marketer, other, routed));
    }

    /// <summary>A workflow started by the event (re-entry always, one wait) and a decision rule set bound to that event.</summary>
    private static async Task PublishEventDecisionAsync(HttpClient marketer, string workflow, string eventType, string key, object[] rules)
    {
        await TestWorkflows.PublishAsync(marketer, new
        {
            id = workflow,
            name = workflow,
            trigger = new { type = "event", @event = eventType },
            reentry = new { policy = "always" },
            activities = new object[] { new { id = "wait", type = "waitForDuration", duration = "P1D" } },
            connections = Array.Empty<object>(),
        });
        using var saved = await marketer.PutAsJsonAsync($"/api/rule-sets/{key}", new { name = key, rules = new { decides = new { trigger = "event", @event = eventType }, rules } });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    private static object OnEntry(string id, string segment) => new
    {
        id,
        name = id,
        trigger = new { type = "segment.entered", segment },
        reentry = new { policy = "always" },
        activities = new object[] { new { id = "wait", type = "waitForDuration", duration = "P1D" } },
        connections = Array.Empty<object>(),
    };

    private static async Task PostAsync(AutomationHost host, string customer, params string[] types)
    {
        var start = DateTime.UtcNow.AddMinutes(-types.Length);
        using var response = await host.PostEventsAsync(new
        {
            events = types.Select((t, i) => new { customerId = customer, type = t, timestamp = start.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) }),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<JsonElement?> InstanceAsync(HttpClient client, string workflow, string customer)
    {
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflow}/instances");
        return all.EnumerateArray().Where(i => i.GetProperty("customerId").GetString() == customer).Select(i => (JsonElement?)i).FirstOrDefault();
    }
}
