using Automation.Plugins.Sdk;
using Automation.Plugins.Tests.Support;
using SalesAlertPlugin = Automation.Plugins.SalesAlert.SalesAlertPlugin;

namespace Automation.Plugins.Tests.SalesAlert;

/// <summary>sales.alert emailing the account owner through the real SMTP sink.</summary>
public sealed class SalesAlertEmailTests
{
    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task The_account_owner_receives_the_alert_with_its_reasons_by_email()
    {
        var owner = $"owner-{Guid.NewGuid():N}@example.com";
        await using var plugin = OwnerEmailOnly();

        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { owner, note = "Call within a day" }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        var mail = await Maildir.WaitForMessageToAsync(owner, TimeSpan.FromSeconds(10));
        Assert.Equal(owner, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("sales-alerts@shop.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal($"{mail.Headers["X-Automation-Action"]}@shop.example", mail.MessageId);
        Assert.Equal("Sales alert: Jane Doe (at-risk)", mail.Subject);
        Assert.Contains("Customer: c-1001", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Workflow: at-risk-winback v3", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Churn risk: 0.82", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("No visit in 41 days", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2 support tickets in 30 days", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Note: Call within a day", mail.TextBody, StringComparison.Ordinal);
    }

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task With_a_webhook_and_an_owner_both_receive_the_alert()
    {
        var owner = $"owner-{Guid.NewGuid():N}@example.com";
        await using var webhook = await RecordingServer.StartAsync();
        var (host, port) = TestServices.SmtpEndpoint();
        await using var plugin = new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>
        {
            ["WebhookUrl"] = webhook.BaseUrl + "hook",
            ["Smtp:Host"] = host,
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { owner }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        Assert.Single(webhook.Requests);
        Assert.Contains(owner, (await Maildir.WaitForMessageToAsync(owner, TimeSpan.FromSeconds(10))).To.ToString(), StringComparison.Ordinal);
    }

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task With_no_webhook_and_no_owner_named_the_team_address_receives_the_alert()
    {
        var team = $"sales-{Guid.NewGuid():N}@example.com";
        var (host, port) = TestServices.SmtpEndpoint();
        await using var plugin = new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>
        {
            ["Smtp:Host"] = host,
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TeamAddress"] = team,
        });

        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { note = "no owner given" }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.Succeeded, result.Outcome);
        var mail = await Maildir.WaitForMessageToAsync(team, TimeSpan.FromSeconds(10));
        Assert.Equal("Sales alert: Jane Doe (at-risk)", mail.Subject);
        Assert.Contains("Note: no owner given", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_smtp_server_that_is_down_makes_the_alert_retryable()
    {
        await using var plugin = new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = ClosedPort.Find().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { owner = "sam@example.com" }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.RetryableFailure, result.Outcome);
    }

    [Fact]
    public async Task An_owner_that_is_not_an_email_address_fails_permanently()
    {
        await using var plugin = new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
        });

        var result = await plugin.DispatchAsync("sales.alert", Alerts.AtRiskCustomer(), new { owner = "Sam from sales" }, Alerts.WinBackContext);

        Assert.Equal(ActionOutcome.PermanentFailure, result.Outcome);
    }

    private static PluginUnderTest OwnerEmailOnly()
    {
        var (host, port) = TestServices.SmtpEndpoint();
        return new PluginUnderTest(new SalesAlertPlugin(), new Dictionary<string, string?>
        {
            ["Smtp:Host"] = host,
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FromAddress"] = "sales-alerts@shop.example",
        });
    }
}
