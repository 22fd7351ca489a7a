using System.Text.Json;
using Automation.Plugins.Sdk;
using Automation.Plugins.Tests.Support;
using SalesAlertPlugin = Automation.Plugins.SalesAlert.SalesAlertPlugin;

namespace Automation.Plugins.Tests.SalesAlert;

/// <summary>sales.alert against a real HTTP server standing in for a Slack incoming webhook.</summary>
public sealed class SalesAlertWebhookTests : IAsyncLifetime
{
    private RecordingServer webhook = null!;
    private PluginUnderTest plugin = null!;

    public async Task InitializeAsync()
    {
        webhook = await RecordingServer.StartAsync();
        webhook.Answer = (200, "ok");
        plugin = new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>
        {
            ["WebhookUrl"] = webhook.BaseUrl + "services/T000/B000/secret",
        });
    }

    public async Task DisposeAsync()
    {
        await plugin.DisposeAsync();
        await webhook.DisposeAsync();
    }

    [Fact]
    public async Task A_sales_alert_posts_blocks_with_the_customer_scores_and_reason_codes()
    {
        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { note = "Call within a day" }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        var call = Assert.Single(webhook.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/services/T000/B000/secret", call.Path);
        Assert.False(string.IsNullOrEmpty(call.Header("Idempotency-Key")), "the alert carries the action's idempotency key");
        var body = call.Json();
        Assert.Contains("Jane Doe", body.GetProperty("text").GetString(), StringComparison.Ordinal);

        var blocks = body.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("Sales alert: Jane Doe (at-risk)", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var shown = string.Join("\n", blocks.SelectMany(Texts));
        Assert.Contains("c-1001", shown, StringComparison.Ordinal);
        Assert.Contains("jane.doe@example.com", shown, StringComparison.Ordinal);
        Assert.Contains("at-risk-winback v3", shown, StringComparison.Ordinal);
        Assert.Contains("Churn risk: 0.82", shown, StringComparison.Ordinal);
        Assert.Contains("No visit in 41 days", shown, StringComparison.Ordinal);
        Assert.Contains("2 support tickets in 30 days", shown, StringComparison.Ordinal);
        Assert.Contains("Call within a day", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_text_cannot_turn_into_a_channel_wide_mention()
    {
        await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(name: "<!channel> Jane"), new { }, Alerts.WinBackContext);

        var shown = string.Join("\n", Assert.Single(webhook.Requests).Json().GetProperty("blocks").EnumerateArray().Skip(1).SelectMany(Texts));
        Assert.DoesNotContain("<!channel>", shown, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt; Jane", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task A_webhook_that_is_down_or_throttling_makes_the_alert_retryable(int status)
    {
        webhook.Answer = (status, "rate_limited");

        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.RetryableFailure, result.Outcome);
    }

    [Fact]
    public async Task A_webhook_that_rejects_the_alert_fails_permanently_with_its_answer()
    {
        webhook.Answer = (404, "no_service");

        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.PermanentFailure, result.Outcome);
        Assert.Contains("no_service", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_does_not_answer_in_time_makes_the_alert_retryable()
    {
        webhook.Delay = TimeSpan.FromSeconds(5);
        await using var impatient = new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>
        {
            ["WebhookUrl"] = webhook.BaseUrl + "hook",
            ["TimeoutSeconds"] = "1",
        });

        var result = await impatient.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.RetryableFailure, result.Outcome);
    }

    [Fact]
    public async Task An_owner_without_smtp_configured_is_named_in_the_post_and_the_detail()
    {
        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { owner = "sam@example.com" }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Contains("sam@example.com not emailed", result.Detail, StringComparison.Ordinal);
        Assert.Contains("sam@example.com", Assert.Single(webhook.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_webhook_and_no_mail_delivery_the_alert_fails_permanently()
    {
        await using var unconfigured = new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>());

        var result = await unconfigured.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { note = "no owner given" }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("no webhook or owner email configured", result.Detail);
    }

    /// <summary>Every text a block shows: header and section text, and section fields.</summary>
    private static IEnumerable<string> Texts(JsonElement block)
    {
        if (block.TryGetProperty("text", out var text))
        {
            yield return text.GetProperty("text").GetString() ?? "";
        }

        if (block.TryGetProperty("fields", out var fields))
        {
            foreach (var field in fields.EnumerateArray())
            {
                yield return field.GetProperty("text").GetString() ?? "";
            }
        }
    }
}
