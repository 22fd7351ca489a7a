using System.Text.Json;
using Automation.Plugins.Retargeting;
using Automation.Plugins.Sdk;
using Automation.Plugins.SalesAlert;

namespace Automation.Plugins.Tests;

/// <summary>What the host and the designer learn from the plugins' declarations.</summary>
public sealed class PluginDescriptorTests
{
    public static TheoryData<string> ActionTypes => ["retargeting.include", "retargeting.exclude", "sales.alert"];

    private static IReadOnlyList<IAutomationPlugin> Plugins { get; } = [new RetargetingPlugin(), new SalesAlertPlugin()];

    [Theory]
    [MemberData(nameof(ActionTypes))]
    public void Every_action_input_schema_describes_a_form_the_designer_can_build(string actionType)
    {
        var action = Plugins.SelectMany(p => p.Actions).Single(a => a.Type == actionType);
        using var schema = JsonDocument.Parse(action.InputSchema);
        var root = schema.RootElement;

        Assert.Equal("object", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        var properties = root.GetProperty("properties").EnumerateObject().ToList();
        Assert.NotEmpty(properties);
        Assert.All(properties, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("description").GetString()));
        });
        Assert.All(root.GetProperty("required").EnumerateArray(), r => Assert.Contains(properties, p => p.Name == r.GetString()));
        Assert.True(typeof(ActionHandler).IsAssignableFrom(action.HandlerType));
    }

    [Fact]
    public void Audience_changes_spend_ad_budget_and_wait_for_approval()
    {
        var plugin = new RetargetingPlugin();

        Assert.Equal("Retargeting", plugin.Manifest.Name);
        Assert.Equal(["retargeting.include", "retargeting.exclude"], plugin.Actions.Select(a => a.Type));
        Assert.All(plugin.Actions, a =>
        {
            Assert.Equal("ads", a.Channel);
            Assert.True(a.BudgetAffecting);
            Assert.True(a.EstimatedCost > 0);
        });
    }

    [Fact]
    public void A_sales_alert_is_free_and_needs_no_approval()
    {
        var plugin = new SalesAlertPlugin();
        var alert = Assert.Single(plugin.Actions);

        Assert.Equal("SalesAlert", plugin.Manifest.Name);
        Assert.Equal("sales.alert", alert.Type);
        Assert.Equal("sales", alert.Channel);
        Assert.False(alert.BudgetAffecting);
        Assert.Equal(0m, alert.EstimatedCost);
    }
}
