using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Automation.Browser.Tests.Rules;

[Collection(BrowserCollection.Name)]
public sealed class RuleEditorTests(BrowserFixture fixture)
{
    [ServiceFact(TestServices.Chromium)]
    public async Task Marketer_builds_a_rule_set_from_pickers_tests_it_on_a_customer_and_publishes_it()
    {
        using var api = fixture.Host.ApiClient();
        using var marketer = await fixture.ApiAsAsync(TestUser.Marketer);
        // One pricing view keeps the customer out of high-intent (and the other tests' workflows).
        var customer = CustomerEvents.NewCustomerId("rules");
        await CustomerEvents.PricingVisitorAsync(api, customer, "Rita Rules", pricingViews: 1);
        await CustomerEvents.ProcessedAsync(marketer, customer, 2);
        var token = Guid.NewGuid().ToString("N")[..6];
        var key = $"pricing-fans-{token}";

        await using var session = fixture.NewSession();
        session.ExpectFailedResponse(400, $"/api/rule-sets/{key}");
        var page = await session.SignInAsync(TestUser.Marketer, "/", new ViewportSize { Width = 1600, Height = 2400 });
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        await Expect(page.GetByTestId("rule-set-engagement-tier")).ToContainTextAsync("ready-to-buy, browsing");
        await page.GetByRole(AriaRole.Link, new() { Name = "New rule set" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Pricing fans {token}");
        await Expect(page.GetByLabel("Key")).ToHaveValueAsync(key);

        // Rule 1: all of (pricing views ≥ 1, none of (inactive ≥ 2 weeks)) → offer = 10%.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        var fan = page.GetByTestId("rule-0");
        await fan.GetByLabel("Rule name").FillAsync("pricing-fan");
        var first = fan.GetByTestId("rule-condition").Nth(0);
        await first.GetByLabel("Field").SelectOptionAsync("Features.PricingViews30d");
        await first.GetByLabel("Operator").SelectOptionAsync(new SelectOptionValue { Label = "is at least" });
        await first.GetByLabel("Value", new() { Exact = true }).FillAsync("1");
        await fan.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
        var nested = fan.GetByRole(AriaRole.Group, new() { Name = "Condition group" });
        await nested.GetByLabel("Match").SelectOptionAsync("not");
        var lapsed = nested.GetByTestId("rule-condition");
        await lapsed.GetByLabel("Field").SelectOptionAsync("Features.DaysInactive");
        await lapsed.GetByLabel("Operator").SelectOptionAsync(new SelectOptionValue { Label = "is at least" });
        await lapsed.GetByLabel("Value", new() { Exact = true }).FillAsync("2");
        await lapsed.GetByLabel("Unit").SelectOptionAsync("weeks");
        await fan.GetByRole(AriaRole.Button, new() { Name = "Add decision value" }).ClickAsync();
        await fan.GetByLabel("Value name").FillAsync("per cent!");
        await fan.GetByLabel("Value", new() { Exact = true }).Last.FillAsync("10%");

        // Rule 2: has an email → channel = email; dragged above the first, so it decides.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        var known = page.GetByTestId("rule-1");
        await known.GetByLabel("Rule name").FillAsync("reachable");
        var email = known.GetByTestId("rule-condition");
        await email.GetByLabel("Field").SelectOptionAsync("Features.HasEmail");
        await email.GetByLabel("Operator").SelectOptionAsync(new SelectOptionValue { Label = "is true" });
        await known.GetByRole(AriaRole.Button, new() { Name = "Add decision value" }).ClickAsync();
        await known.GetByLabel("Value name").FillAsync("channel");
        await known.GetByLabel("Value", new() { Exact = true }).Last.FillAsync("email");
        // Both handles in view: a drag that has to scroll the page on its way is not a drag Chromium starts.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await known.GetByTestId("rule-handle").DragToAsync(fan.GetByTestId("rule-handle"), new() { Steps = 5 });
        await Expect(page.GetByTestId("rule-0").GetByLabel("Rule name")).ToHaveValueAsync("reachable");
        await Expect(page.GetByTestId("rule-0").GetByTestId("rule-priority")).ToHaveTextAsync("priority 20");
        await Expect(page.GetByTestId("rule-1").GetByTestId("rule-priority")).ToHaveTextAsync("priority 10");

        // The server refuses the value's name; the problem shows at the rule's decision values, with its path.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        var refused = page.GetByTestId("rule-1").GetByTestId("problem-rules[1].set.per cent!");
        await Expect(refused).ToContainTextAsync("a decision value has a name of letters, digits and dashes");
        await session.SnapshotAsync("problem");
        await page.GetByTestId("rule-1").GetByLabel("Value name").FillAsync("offer");
        await Expect(refused).ToHaveCountAsync(0);

        await page.GetByLabel("Find a customer").FillAsync(customer);
        await Expect(page.GetByLabel("Test customer")).ToHaveValueAsync(customer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run test" }).ClickAsync();
        await Expect(page.GetByTestId("rule-test-port")).ToHaveTextAsync("Decision: leaves by reachable");
        await Expect(page.GetByTestId("rule-test-values")).ToContainTextAsync("offer = 10%");
        await Expect(page.GetByTestId("rule-test-values")).ToContainTextAsync("channel = email");
        var fired = page.GetByTestId("rule-test-fired").GetByRole(AriaRole.Listitem);
        await Expect(fired).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("rule-test-fired")).ToContainTextAsync("pricing-fan because Features.PricingViews30d = 1, Features.DaysInactive = 0");
        await session.SnapshotAsync("tested");
        await page.GetByTestId("rule-1").GetByLabel("Rule name").FillAsync("pricing-fans");
        await Expect(page.GetByTestId("rule-test-stale")).ToHaveTextAsync("The rules changed since this test: run it again.");
        await page.GetByTestId("rule-1").GetByLabel("Rule name").FillAsync("pricing-fan");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("rule-set-notice")).ToHaveTextAsync("Published version 1.");
        await Expect(page).ToHaveURLAsync(new Regex($"/rule-sets/{key}$"));

        // What was published decides for the customer, and reads back into the same builder.
        var stored = await marketer.GetAsync($"/api/rule-sets/{key}");
        var rules = stored.GetProperty("rules").GetProperty("rules");
        Assert.Equal(["reachable", "pricing-fan"], rules.EnumerateArray().Select(r => r.GetProperty("ruleName").GetString()));
        Assert.Equal("Features.DaysInactive >= 2 * 7", rules[1].GetProperty("rules")[1].GetProperty("rules")[0].GetProperty("expression").GetString());
        var decision = await marketer.PostAsync($"/api/rule-sets/{key}/evaluate", new { customerId = customer });
        Assert.Equal("reachable", decision.GetProperty("port").GetString());
        Assert.Equal("10%", decision.GetProperty("values").GetProperty("offer").GetString());

        await page.ReloadAsync();
        await Expect(page.GetByTestId("rule-0").GetByLabel("Rule name")).ToHaveValueAsync("reachable");
        var reread = page.GetByTestId("rule-1").GetByRole(AriaRole.Group, new() { Name = "Condition group" });
        await Expect(reread.GetByLabel("Match")).ToHaveValueAsync("not");
        await Expect(reread.GetByLabel("Unit")).ToHaveValueAsync("weeks");
        await Expect(page.GetByTestId("rule-set-version")).ToHaveTextAsync("Version 1.");
        await Expect(page.GetByTestId("rule-set-notice")).ToBeEmptyAsync();
        await session.FinishAsync();
    }
}
