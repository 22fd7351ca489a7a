using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Plugins;

/// <summary>
/// Rules an integrator writes in C# with NRules.Fluent and ships in a plugin: loaded from the plugins folder into the
/// same catalog as the marketers' rule sets, listed read-only with their names and descriptions, deciding with
/// reasons; a plugin whose rule class does not load fails alone, with the reason.
/// </summary>
public sealed class PluginRulesTests
{
    [Fact]
    public async Task A_plugin_rule_set_loads_from_the_plugins_folder_decides_with_reasons_and_a_broken_rule_class_fails_only_its_plugin()
    {
        using var plugins = PluginsFolder.WithProofPlugin();
        PluginCompiler.Compile(plugins.Path, "Automation.Plugins.Loyalty", LoyaltyPlugin);
        PluginCompiler.Compile(plugins.Path, "Automation.Plugins.BrokenRules", BrokenPlugin("BrokenRules", "public override void Define() { throw new InvalidOperationException(\"the tier table is missing\"); }"));
        PluginCompiler.Compile(plugins.Path, "Automation.Plugins.Undeclared", BrokenPlugin("Undeclared", "public override void Define() { Coupon coupon = null!; RuleCustomer c = null!; When().Match(() => c).Match(() => coupon); Then().Do(ctx => c.Set(\"offer\", coupon.Code)); }"));
        using var host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:PluginsPath"] = plugins.Path });
        using var admin = await host.AdminAsync();

        var reported = (await admin.GetFromJsonAsync<JsonElement>("/api/plugins")).EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, StringComparer.Ordinal);
        Assert.Equal("loaded", reported["Loyalty"].GetProperty("status").GetString());
        Assert.Equal(["loyalty"], reported["Loyalty"].GetProperty("ruleSets").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("failed", reported["BrokenRules"].GetProperty("status").GetString());
        Assert.Contains("the tier table is missing", reported["BrokenRules"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", reported["Undeclared"].GetProperty("status").GetString());
        Assert.Contains("matches Coupon, which the rule set does not declare", reported["Undeclared"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("loaded", reported["Proof"].GetProperty("status").GetString());
        var palette = await admin.GetFromJsonAsync<JsonElement>("/api/activities");
        Assert.DoesNotContain(palette.EnumerateArray(), a => a.GetProperty("type").GetString()!.StartsWith("brokenrules.", StringComparison.Ordinal));

        // Listed beside the stored rule sets, read-only, with each rule's name and description.
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/rule-sets")).EnumerateArray(), r => r.GetProperty("key").GetString() == "loyalty");
        Assert.True(listed.GetProperty("readOnly").GetBoolean());
        Assert.Equal("Loyalty", listed.GetProperty("plugin").GetString());
        var rules = listed.GetProperty("pluginRules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("description").GetString());
        Assert.Equal("Customers who spent 500 or more are gold", rules["gold-tier"]);
        Assert.Equal("Gold customers get a thank-you gift", rules["thank-gold"]);
        using (var overwrite = await admin.PutAsJsonAsync("/api/rule-sets/loyalty", new { name = "mine", rules = new { rules = new[] { new { ruleName = "x", expression = "true" } } } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, overwrite.StatusCode);
            Assert.Contains("comes from plugin Loyalty and is read-only", await overwrite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // It decides on a real customer's profile, and says which rules fired and what they matched.
        var gold = NewCustomer("gold").Customer;
        var ticketed = NewCustomer("ticketed").Customer;
        var now = DateTime.UtcNow;
        using (var posted = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = gold, type = "purchase", value = 700, timestamp = Iso(now.AddMinutes(-2)) },
                new { customerId = ticketed, type = "purchase", value = 900, timestamp = Iso(now.AddMinutes(-2)) },
                new { customerId = ticketed, type = "support_ticket", timestamp = Iso(now.AddMinutes(-1)) },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var decided = await EvaluateAsync(admin, gold, e => e.GetProperty("port").GetString() == "thank-gold");
        Assert.Equal("gift", decided.GetProperty("values").GetProperty("offer").GetString());
        Assert.Equal(["gold-tier", "thank-gold"], decided.GetProperty("fired").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
        Assert.Contains("gold tier", decided.GetProperty("fired")[1].GetProperty("matched").EnumerateArray().Select(m => m.GetString()));
        var suppressed = await EvaluateAsync(admin, ticketed, e => e.GetProperty("suppressedBy").ValueKind == JsonValueKind.String);
        Assert.Equal("ticket-open", suppressed.GetProperty("suppressedBy").GetString());
        Assert.Equal("an open support ticket", suppressed.GetProperty("suppression").GetString());
    }

    private static async Task<JsonElement> EvaluateAsync(HttpClient admin, string customer, Func<JsonElement, bool> until) =>
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await admin.PostAsJsonAsync("/api/rule-sets/loyalty/evaluate", new { customerId = customer });
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            e => e.ValueKind == JsonValueKind.Object && until(e),
            TimeSpan.FromSeconds(30));

    private static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    private const string LoyaltyPlugin = """
        using System;
        using System.Collections.Generic;
        using Automation.Plugins.Sdk;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using NRules.Fluent.Dsl;

        public sealed record LoyaltyTier(RuleCustomer Customer, string Tier)
        {
            public override string ToString() => $"{Tier} tier";
        }

        [Name("gold-tier"), Description("Customers who spent 500 or more are gold")]
        public sealed class GoldTier : Rule
        {
            public override void Define()
            {
                RuleCustomer c = null!;
                When().Match(() => c, x => x.Feature("Monetary") >= 500);
                Then().Do(ctx => ctx.Insert(new LoyaltyTier(c, "gold")));
            }
        }

        [Name("thank-gold"), Description("Gold customers get a thank-you gift"), Priority(10)]
        public sealed class ThankGold : Rule
        {
            public override void Define()
            {
                RuleCustomer c = null!;
                LoyaltyTier tier = null!;
                When().Match(() => c).Match(() => tier, t => t.Customer == c, t => t.Tier == "gold");
                Then().Do(ctx => c.Set("offer", "gift"));
            }
        }

        [Name("ticket-open"), Description("An open support ticket suppresses the offer"), Priority(20)]
        public sealed class TicketOpen : Rule
        {
            public override void Define()
            {
                RuleCustomer c = null!;
                When().Match(() => c, x => x.Feature("SupportTickets30d") >= 1);
                Then().Do(ctx => c.Suppress("an open support ticket"));
            }
        }

        public sealed class LoyaltyPlugin : IAutomationPlugin
        {
            public PluginManifest Manifest { get; } = new("Loyalty", "1.0.0", "[1.0,2.0)");

            public IReadOnlyList<ActionDescriptor> Actions { get; } = [];

            public IReadOnlyList<PluginRuleSet> RuleSets { get; } =
            [
                new PluginRuleSet
                {
                    Key = "loyalty",
                    Name = "Loyalty tiers",
                    Description = "Gold customers get a gift unless a ticket is open",
                    RuleTypes = [typeof(GoldTier), typeof(ThankGold), typeof(TicketOpen)],
                    FactTypes = [typeof(LoyaltyTier)],
                },
            ];

            public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
            {
            }
        }
        """;

    /// <summary>A plugin with one action and one rule class whose Define() is the test's to choose.</summary>
    private static string BrokenPlugin(string name, string define) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Automation.Plugins.Sdk;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using NRules.Fluent.Dsl;

        public sealed record Coupon(string Code);

        public sealed class NoteHandler : ActionHandler
        {
            public override Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken) => Task.FromResult(ActionResult.Success("noted"));
        }

        [Name("broken")]
        public sealed class BrokenRule : Rule
        {
            {{define}}
        }

        public sealed class {{name}}Plugin : IAutomationPlugin
        {
            public PluginManifest Manifest { get; } = new("{{name}}", "1.0.0", "[1.0,2.0)");

            public IReadOnlyList<ActionDescriptor> Actions { get; } =
            [
                new ActionDescriptor { Type = "{{name.ToLowerInvariant()}}.note", DisplayName = "note", Channel = "notes", InputSchema = "{\"type\":\"object\"}", HandlerType = typeof(NoteHandler) },
            ];

            public IReadOnlyList<PluginRuleSet> RuleSets { get; } = [new PluginRuleSet { Key = "{{name.ToLowerInvariant()}}", Name = "{{name}}", RuleTypes = [typeof(BrokenRule)] }];

            public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddTransient<NoteHandler>();
        }
        """;
}
