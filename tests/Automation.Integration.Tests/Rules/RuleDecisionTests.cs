using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Testing;

namespace Automation.Integration.Tests.Rules;

/// <summary>
/// Rule sets decide on NRules inside running workflows: each decision's journal entry says which rules fired and what
/// they matched, a newly saved version decides from the next customer on without a restart, and a rule that throws
/// for one customer faults only that customer's instance.
/// </summary>
public sealed class RuleDecisionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_saved_version_decides_from_the_next_customer_on_and_the_journal_says_why_on_the_embedded_host()
    {
        using var host = AutomationHost.Embedded();
        await SwapAndExplainAsync(host);
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task A_saved_version_decides_from_the_next_customer_on_and_the_journal_says_why_on_rabbitmq_and_postgres()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        await SwapAndExplainAsync(host);
    }

    [Fact]
    public async Task A_rule_that_throws_for_one_customer_faults_only_their_instance()
    {
        using var host = AutomationHost.Embedded();
        using var marketer = await host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var key = "ratio-" + suffix;
        await SaveAsync(marketer, key, new object[] { new { ruleName = "ratio", expression = "Features.Purchases > 0 && 10 / (Features.Purchases - 1) > 1" } });
        var trigger = "ratio_probe_" + suffix;
        await TestWorkflows.PublishAsync(marketer, Deciding("ratio-flow-" + suffix, trigger, key, ["ratio", "none"]));

        var failing = "ratio-one-" + suffix;
        var fine = "ratio-two-" + suffix;
        await PostAsync(host, failing, ("purchase", 1), (trigger, 0));
        await PostAsync(host, fine, ("purchase", 1), ("purchase", 2), (trigger, 0));

        var faulted = await InstanceOfAsync(marketer, "ratio-flow-" + suffix, failing, "faulted");
        var fault = Assert.Single(faulted.GetProperty("steps").EnumerateArray(), s => s.GetProperty("activityType").GetString() == "fault");
        Assert.Contains($"rule set '{key}' v1", fault.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("DivideByZeroException", fault.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var completed = await InstanceOfAsync(marketer, "ratio-flow-" + suffix, fine, "completed");
        Assert.Equal("ratio", Decision(completed).GetProperty("port").GetString());
    }

    [Fact]
    public async Task Bad_outcomes_and_chains_are_refused_with_every_field_named_and_nothing_saved()
    {
        using var host = AutomationHost.Embedded();
        using var marketer = await host.AdminAsync();

        using var response = await marketer.PutAsJsonAsync("/api/rule-sets/bad-chain", new
        {
            name = "Bad chain",
            rules = new
            {
                rules = new object[]
                {
                    new { ruleName = "vip", expression = "Features.Monetary > 1000", assert = new[] { "priority high" }, priority = 5000 },
                    new { ruleName = "route", requires = new[] { "priority-high" } },
                    new { ruleName = "calm", @operator = "Nor", rules = new object[] { new { ruleName = "x", expression = "true" } } },
                },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("rules.rules[0].assert[0]", fields);
        Assert.Contains("rules.rules[0].priority", fields);
        Assert.Contains("rules.rules[1].requires[0]", fields);
        Assert.Contains("rules.rules[2].operator", fields);
        Assert.Equal(HttpStatusCode.NotFound, (await marketer.GetAsync(new Uri("/api/rule-sets/bad-chain", UriKind.Relative))).StatusCode);
    }

    private static async Task SwapAndExplainAsync(AutomationHost host)
    {
        using var marketer = await host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var key = "offer-" + suffix;
        var workflow = "offer-flow-" + suffix;
        var trigger = "offer_probe_" + suffix;
        await SaveAsync(marketer, key, new object[] { new { ruleName = "mail-them", expression = "Features.Purchases >= 1", set = new { offer = "5%" } } });
        await TestWorkflows.PublishAsync(marketer, Deciding(workflow, trigger, key, ["mail-them", "none"]));

        var first = "offer-a-" + suffix;
        await PostAsync(host, first, ("purchase", 1), (trigger, 0));
        var before = Decision(await InstanceOfAsync(marketer, workflow, first, "completed"));
        Assert.Equal("mail-them", before.GetProperty("port").GetString());
        Assert.Equal($"{key} v1: mail-them [offer = 5%] (fired: mail-them (Features.Purchases = 1))", before.GetProperty("summary").GetString());

        // v2 adds a suppressing rule of higher priority and a new offer; no restart in between.
        await SaveAsync(marketer, key, new object[]
        {
            new { ruleName = "ticket-open", expression = "Features.SupportTickets30d >= 1", priority = 10, suppress = "an open support ticket" },
            new { ruleName = "mail-them", expression = "Features.Purchases >= 1", set = new { offer = "10%" } },
        });
        var ticketed = "offer-b-" + suffix;
        var plain = "offer-c-" + suffix;
        await PostAsync(host, ticketed, ("purchase", 1), ("support_ticket", 0), (trigger, 0));
        await PostAsync(host, plain, ("purchase", 1), (trigger, 0));

        var suppressed = Decision(await InstanceOfAsync(marketer, workflow, ticketed, "completed"));
        Assert.Equal("ticket-open", suppressed.GetProperty("port").GetString());
        Assert.Equal(
            $"{key} v2: ticket-open [offer = 10%]; suppressed by ticket-open: an open support ticket (fired: ticket-open (Features.SupportTickets30d = 1); mail-them (Features.Purchases = 1))",
            suppressed.GetProperty("summary").GetString());
        Assert.Equal($"{key} v2: mail-them [offer = 10%] (fired: mail-them (Features.Purchases = 1))", Decision(await InstanceOfAsync(marketer, workflow, plain, "completed")).GetProperty("summary").GetString());

        using var tried = await marketer.PostAsJsonAsync($"/api/rule-sets/{key}/evaluate", new { customerId = ticketed });
        var evaluation = await tried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, evaluation.GetProperty("version").GetInt32());
        Assert.Equal("ticket-open", evaluation.GetProperty("suppressedBy").GetString());
        Assert.Equal(["ticket-open", "mail-them"], evaluation.GetProperty("fired").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
        Assert.Equal(["Features.SupportTickets30d = 1"], evaluation.GetProperty("fired")[0].GetProperty("matched").EnumerateArray().Select(m => m.GetString()));
    }

    /// <summary>An event-triggered workflow whose one decision is the rule set; each port ends at its own end activity.</summary>
    private static object Deciding(string id, string trigger, string ruleSet, string[] ports) => new
    {
        id,
        name = id,
        trigger = new { type = "event", @event = trigger },
        reentry = new { policy = "always" },
        activities = new object[] { new { id = "decide", type = "ruleSet", ruleSet } }.Concat(ports.Select(p => new { id = "end-" + p, type = "end" })),
        connections = ports.Select(p => new { from = "decide", port = p, to = "end-" + p }),
    };

    private static async Task SaveAsync(HttpClient marketer, string key, object[] rules)
    {
        using var saved = await marketer.PutAsJsonAsync($"/api/rule-sets/{key}", new { name = key, rules = new { rules } });
        Assert.True(saved.IsSuccessStatusCode, $"saving the rule set answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
    }

    private static async Task PostAsync(AutomationHost host, string customer, params (string Type, double Value)[] events)
    {
        var start = DateTime.UtcNow.AddMinutes(-events.Length);
        using var response = await host.PostEventsAsync(new
        {
            events = events.Select((e, i) => new { customerId = customer, type = e.Type, value = e.Value, timestamp = start.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) }),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<JsonElement> InstanceOfAsync(HttpClient client, string workflow, string customer, string status)
    {
        var instance = await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflow}/instances")).EnumerateArray().FirstOrDefault(i => i.GetProperty("customerId").GetString() == customer),
            i => i.ValueKind == JsonValueKind.Object && i.GetProperty("status").GetString() == status,
            Patience);
        Assert.True(instance.ValueKind == JsonValueKind.Object, $"no {status} instance of {workflow} for {customer} within {Patience}");
        Assert.Equal(status, instance.GetProperty("status").GetString());
        return await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.GetProperty("id").GetGuid()}");
    }

    private static JsonElement Decision(JsonElement history) =>
        Assert.Single(history.GetProperty("steps").EnumerateArray(), s => s.GetProperty("activityType").GetString() == "ruleSet");
}
