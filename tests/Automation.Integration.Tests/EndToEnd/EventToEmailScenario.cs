using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.EndToEnd;

/// <summary>
/// One customer's events, posted over HTTP, move them into the high-intent segment; the shipped
/// high-intent-nurture workflow sends the email through the email plugin to the real SMTP sink.
/// </summary>
public static class EventToEmailScenario
{
    public static async Task RunAsync(AutomationHost host)
    {
        var customer = "e2e-" + Guid.NewGuid().ToString("N")[..10];
        var email = $"{customer}@example.test";
        var now = DateTime.UtcNow;
        var response = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { id = customer + "-1", customerId = customer, type = "identify", timestamp = Iso(now.AddMinutes(-30)), properties = new { email, name = "Tess Tester" } },
                new { id = customer + "-2", customerId = customer, type = "pricing_view", timestamp = Iso(now.AddMinutes(-20)), properties = new { plan = "pro" } },
                new { id = customer + "-3", customerId = customer, type = "pricing_view", timestamp = Iso(now.AddMinutes(-10)), properties = new { plan = "team" } },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, accepted.GetProperty("accepted").GetInt32());

        var message = await Maildir.WaitForMessageToAsync(email, TimeSpan.FromSeconds(45));
        Assert.Equal(email, message.To.Mailboxes.Single().Address);
        Assert.Equal("Tess Tester, questions about our plans?", message.Subject);
        Assert.Contains(customer, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tess Tester", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("unsubscribe", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);

        using var client = await host.AdminAsync();
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}");
        Assert.Equal(email, profile.GetProperty("email").GetString());
        Assert.Equal(2, profile.GetProperty("features").GetProperty("pricingViews7d").GetInt32());
        Assert.Contains(profile.GetProperty("segments").EnumerateArray(), s => s.GetProperty("key").GetString() == "high-intent");

        var actions = await Poll.UntilAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/actions?customerId={customer}&workflowId=high-intent-nurture"),
            a => a.GetArrayLength() == 1 && a[0].GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(20));
        var action = Assert.Single(actions.EnumerateArray());
        Assert.Equal("email.send", action.GetProperty("actionType").GetString());
        Assert.Equal("completed", action.GetProperty("status").GetString());
        Assert.Equal("Email", action.GetProperty("plugin").GetString());
        Assert.Equal("high-intent-nurture", action.GetProperty("workflowId").GetString());
        Assert.All(action.GetProperty("guardResults").EnumerateArray(), g => Assert.True(g.GetProperty("passed").GetBoolean()));
        Assert.Single(Maildir.MessagesTo(email));
    }

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
