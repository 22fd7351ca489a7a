using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Rules;

/// <summary>
/// The rule editor's test panel: a draft rule set runs on pasted facts without being saved, says which rules fired
/// and why, and a draft or facts that cannot run are refused with the field that is wrong.
/// </summary>
public sealed class RuleSetTrialTests
{
    private static readonly object[] Draft =
    [
        new { ruleName = "vip-at-risk", @operator = "And", rules = new object[]
        {
            new { ruleName = "big", expression = "Features.Monetary >= 1000" },
            new { ruleName = "lapsing", @operator = "Not", rules = new object[] { new { ruleName = "recent", expression = "Features.DaysInactive < 2 * 7" } } },
        }, assert = new[] { "priority-high" } },
        new { ruleName = "call-them", requires = new[] { "priority-high" }, priority = 10, set = new Dictionary<string, string> { ["channel"] = "phone" } },
        new { ruleName = "ticket-open", expression = "Features.SupportTickets30d >= 1", priority = 20, suppress = "an open support ticket" },
    ];

    [Fact]
    public async Task A_draft_runs_on_pasted_facts_says_which_rules_fired_and_why_and_is_not_saved()
    {
        using var host = AutomationHost.Embedded();
        using var marketer = await host.AdminAsync();
        var key = "trial-" + Guid.NewGuid().ToString("N")[..8];

        using var response = await marketer.PostAsJsonAsync($"/api/rule-sets/{key}/try", new
        {
            rules = new { rules = Draft },
            facts = new { features = new { monetary = 1500, daysInactive = 30, supportTickets30d = 1 }, scores = new { churnRisk = 0.8 } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ticket-open", outcome.GetProperty("port").GetString());
        Assert.Equal("ticket-open", outcome.GetProperty("suppressedBy").GetString());
        Assert.Equal("an open support ticket", outcome.GetProperty("suppression").GetString());
        Assert.Equal("phone", outcome.GetProperty("values").GetProperty("channel").GetString());
        var fired = outcome.GetProperty("fired").EnumerateArray().ToDictionary(f => f.GetProperty("rule").GetString()!, f => f.GetProperty("matched").EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal(["Features.Monetary = 1500", "Features.DaysInactive = 30"], fired["vip-at-risk"]);
        Assert.Equal(["priority-high, asserted by vip-at-risk"], fired["call-them"]);
        Assert.Equal(HttpStatusCode.NotFound, (await marketer.GetAsync($"/api/rule-sets/{key}")).StatusCode);
    }

    [Fact]
    public async Task A_draft_or_facts_that_cannot_run_are_refused_naming_the_field()
    {
        using var host = AutomationHost.Embedded();
        using var marketer = await host.AdminAsync();

        var badRule = await ProblemFieldsAsync(marketer, new
        {
            rules = new { rules = new object[] { new { ruleName = "r", @operator = "Or", rules = new object[] { new { ruleName = "a", expression = "true" }, new { ruleName = "b", expression = "Features.Bogus > 1" } } } } },
            facts = new { features = new { } },
        });
        Assert.Equal(["rules.rules[0].rules[1].expression"], badRule);

        var unknownFact = await ProblemFieldsAsync(marketer, new { rules = new { rules = Draft }, facts = new { features = new { bogus = 1 } } });
        Assert.Equal(["facts"], unknownFact);

        var throwing = await ProblemFieldsAsync(marketer, new
        {
            rules = new { rules = new object[] { new { ruleName = "ratio", expression = "10 / (Features.Purchases - 2) > 1" } } },
            facts = new { features = new { purchases = 2 } },
        });
        Assert.Equal(["facts"], throwing);

        var nobody = await ProblemFieldsAsync(marketer, new { rules = new { rules = Draft }, customerId = "nobody-" + Guid.NewGuid().ToString("N") });
        Assert.Equal(["customerId"], nobody);
    }

    private static async Task<List<string?>> ProblemFieldsAsync(HttpClient marketer, object body)
    {
        using var response = await marketer.PostAsJsonAsync("/api/rule-sets/trial/try", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString())];
    }
}
