using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Guards;
using Automation.Integration.Tests.Support;
using Automation.Testing;

namespace Automation.Integration.Tests.Content;

public sealed class EmailTemplateApiTests
{
    [Fact]
    public async Task A_template_without_a_subject_and_with_broken_liquid_is_refused_naming_each_field_and_nothing_is_saved()
    {
        using var host = AutomationHost.Embedded();
        using var client = await host.AdminAsync();

        var response = await client.PostAsJsonAsync("/api/templates", new { key = "spring-sale", name = "Spring sale", subject = "", html = "<p>Hi {{ name </p>", fromAddress = "not an address" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("subject", fields);
        Assert.Contains("html", fields);
        Assert.Contains("fromAddress", fields);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/templates/spring-sale")).StatusCode);

        var badKey = await client.PutAsJsonAsync("/api/templates/Spring Sale", new { name = "Spring sale", subject = "Hello", text = "Hi" });
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Contains("key", (await badKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task The_shipped_templates_are_in_the_library_and_a_saved_change_counts_up_the_version()
    {
        using var host = AutomationHost.Embedded();
        using var client = await host.AdminAsync();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/templates");
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("key").GetString() == "winback-10" && t.GetProperty("name").GetString() == "Win-back 10 %");

        var created = await client.PostAsJsonAsync("/api/templates", new { key = "spring-sale", name = "Spring sale", subject = "{{ firstName }}, spring is here", text = "Hi {{ name }}" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var changed = await client.PutAsJsonAsync("/api/templates/spring-sale", new { name = "Spring sale", subject = "{{ firstName }}, spring is here", preheader = "20 % off", text = "Hi {{ name }}", fromName = "Spring Shop", fromAddress = "spring@shop.example" });
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/templates/spring-sale");
        Assert.Equal("Spring Shop", stored.GetProperty("fromName").GetString());
        Assert.Equal("20 % off", stored.GetProperty("preheader").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/templates", new { key = "spring-sale", name = "Again", subject = "x", text = "y" })).StatusCode);
    }

    [Fact]
    public async Task A_preview_is_personalized_for_a_stored_customer_with_scripts_removed_and_css_inlined()
    {
        using var host = AutomationHost.Embedded();
        using var client = await host.AdminAsync();
        var customer = await StoredCustomerAsync(host, client, "Priya Preview");

        var response = await client.PostAsJsonAsync("/api/templates/preview", new
        {
            customerId = customer,
            template = new
            {
                subject = "{{ firstName }}, {{ purchases }} orders and counting",
                preheader = "Thanks, {{ name }}",
                html = "<html><head><style>.hi { color: #ff0000; }</style></head><body><p class=\"hi\">Hi {{ name }}</p><script>alert(1)</script><a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></body></html>",
                text = "Hi {{ name }}",
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Priya, 1 orders and counting", preview.GetProperty("subject").GetString());
        var html = preview.GetProperty("html").GetString()!;
        Assert.Contains("Hi Priya Preview", html, StringComparison.Ordinal);
        Assert.True(html.Contains("color: rgba(255, 0, 0, 1)", StringComparison.Ordinal) || html.Contains("color: #ff0000", StringComparison.Ordinal), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"unsubscribe?customer={customer}", html, StringComparison.Ordinal);
        Assert.Contains("Thanks, Priya Preview", html, StringComparison.Ordinal);

        var unknown = await client.PostAsJsonAsync("/api/templates/preview", new { customerId = customer, template = new { subject = "Hi {{ coupon_code }}", text = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("coupon_code", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var nobody = await client.PostAsJsonAsync("/api/templates/preview", new { customerId = "nobody-here", template = new { subject = "Hi", text = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Contains("customerId", (await nobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task A_test_send_reaches_the_signed_in_marketer_personalized_with_the_unsubscribe_header()
    {
        using var host = AutomationHost.Embedded();
        using var admin = await host.AdminAsync();
        var me = $"tester-{Guid.NewGuid().ToString("N")[..10]}@example.test";
        using var marketer = await host.PersonAsync(admin, me, "marketer");
        var customer = await StoredCustomerAsync(host, admin, "Tomas Test");

        var response = await marketer.PostAsJsonAsync("/api/templates/winback-10/test", new { customerId = customer });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var message = await Maildir.WaitForMessageToAsync(me, TimeSpan.FromSeconds(30));
        Assert.Equal("Tomas Test, we miss you: 10% off your next order", message.Subject);
        Assert.Contains("Hi Tomas Test", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"customer={customer}", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("winback-10 v1", message.Headers["X-Automation-Template"]);
    }

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task A_template_that_does_not_render_for_the_customer_fails_the_action_for_good_with_the_reason_and_sends_nothing()
    {
        using var host = AutomationHost.Embedded();
        using var admin = await host.AdminAsync();
        using var saved = await admin.PutAsJsonAsync("/api/templates/coupon", new { name = "Coupon", subject = "Your code {{ coupon_code }}", text = "Hi {{ name }}" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("coupon-mail", "coupon_tick", "email.send", new { template = "coupon" }));
        var (customer, email) = GuardScenario.NewCustomer("coupon");
        var now = DateTime.UtcNow;

        await GuardScenario.PostAsync(host, GuardScenario.Event(customer, "identify", now.AddSeconds(-2), new { email, name = "Cora Coupon" }), GuardScenario.Event(customer, "coupon_tick", now));

        var action = Assert.Single(await GuardScenario.SettledActionsAsync(admin, customer));
        Assert.Equal("failed", GuardScenario.Status(action));
        Assert.Equal(1, action.GetProperty("attempts").GetInt32());
        var reason = action.TryGetProperty("lastError", out var error) ? error.GetString() : action.GetProperty("detail").GetString();
        Assert.Contains("coupon_code", reason, StringComparison.Ordinal);
        Assert.Empty(Maildir.MessagesTo(email));
    }

    private static async Task<string> StoredCustomerAsync(AutomationHost host, HttpClient person, string name)
    {
        var customer = "tpl-" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTime.UtcNow;
        var response = await host.PostEventsAsync(new
        {
            events = new object[]
            {
                new { customerId = customer, type = "identify", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-20)), properties = new { email = $"{customer}@example.test", name } },
                new { customerId = customer, type = "purchase", timestamp = EventToEmailScenario.Iso(now.AddMinutes(-10)), value = 40 },
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await ProcessedProfile.WaitAsync(person, customer, 2, TimeSpan.FromSeconds(30));
        return customer;
    }
}
