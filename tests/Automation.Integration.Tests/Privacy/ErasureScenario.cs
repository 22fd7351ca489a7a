using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Approvals;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Privacy;

/// <summary>
/// A customer with distinctive contact details who leaves traces everywhere: events, a segment, a workflow whose
/// email action waits for an approver (who comments by name), the audit trail and a suppression of their address.
/// </summary>
public sealed class ErasureScenario
{
    public const string Workflow = "erasure-approved-mail";
    public const string Again = "erasure-mail-again";
    public const string Segment = "erasure-ad-clickers";

    private ErasureScenario(string customer, string email, string name, string phone)
    {
        (Customer, Email, Name, Phone) = (customer, email, name, phone);
    }

    public string Customer { get; }

    public string Email { get; }

    public string Name { get; }

    /// <summary>As sent, with a leading "+" (which JSON may write escaped); <see cref="Traces"/> looks for its digits.</summary>
    public string Phone { get; }

    public Guid InstanceId { get; private set; }

    public Guid SuppressionId { get; private set; }

    /// <summary>What may not be found anywhere after the erasure.</summary>
    public IReadOnlyList<string> Traces => [Customer, Email, Name, Phone.TrimStart('+')];

    public static ErasureScenario New()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var digits = string.Concat(tag.Select(c => (char)('0' + (c % 10))));
        return new ErasureScenario($"erasable-{tag}", $"quillon.{tag}@erasure.example", $"Quillon Zarathustra-{tag}", $"+1555{digits}");
    }

    /// <summary>The customer goes all the way: segment entered, approval decided, email sent, address suppressed.</summary>
    public async Task LiveAsync(AutomationHost host, HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(admin);
        using var approver = await host.PersonAsync(admin, $"approver-{Guid.NewGuid():N}@example.test", "approver");

        // Published by a marketer: an approver the admin created counts as the admin (four-eyes by person).
        using var marketer = await host.PersonAsync(admin, $"marketer-{Guid.NewGuid():N}@example.test", "marketer");
        await SaveSegmentAsync(admin, Segment, "Features.AdClicks7d >= 1", minimumSize: null);
        await TestWorkflows.PublishAsync(marketer, ApprovedMail());
        await TestWorkflows.PublishAsync(marketer, TestWorkflows.OneAction(Again, "erasure_again", "email.send", new { template = "welcome" }));

        var now = DateTime.UtcNow;
        await PostAsync(
            host,
            Event(Customer, "identify", now.AddSeconds(-3), new { email = Email, name = Name, phone = Phone }),
            Event(Customer, "ad_click", now.AddSeconds(-2), new { campaign = "spring" }),
            Event(Customer, "erasure_tick", now));

        // 404 until the processor has folded the first event.
        var profile = await Poll.UntilAsync(
            async () =>
            {
                using var response = await admin.GetAsync(new Uri($"/api/customers/{Customer}", UriKind.Relative));
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("segments").EnumerateArray().Any(s => s.GetProperty("key").GetString() == Segment),
            TimeSpan.FromSeconds(30));
        Assert.Equal(Email, profile.GetProperty("email").GetString());

        var request = Assert.Single(await ApprovalFlow.PendingAsync(approver, Workflow, 1));
        InstanceId = request.GetProperty("instanceId").GetGuid();
        using (var approved = await approver.PostAsJsonAsync($"/api/approvals/{request.GetProperty("id").GetGuid()}/approve", new { comment = $"fine for {Name}, {Email}" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        var sent = Assert.Single(await SettledActionsAsync(admin, Customer));
        Assert.Equal("completed", Status(sent));
        await Maildir.WaitForMessageToAsync(Email, TimeSpan.FromSeconds(30));

        // They unsubscribed by replying to the email: the marketer suppresses their address.
        using var suppressed = await admin.PostAsJsonAsync("/api/suppressions", new { email = Email, reason = $"asked by {Name}" });
        Assert.Equal(HttpStatusCode.Created, suppressed.StatusCode);
        SuppressionId = (await suppressed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> EraseAsync(HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var erased = await admin.DeleteAsync(new Uri($"/api/customers/{Customer}", UriKind.Relative));
        var body = await erased.Content.ReadAsStringAsync();
        Assert.True(erased.StatusCode == HttpStatusCode.OK, $"erasure answered {(int)erased.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every API that showed the customer shows no trace of them; the records remain under the pseudonym.</summary>
    public async Task AssertNoTraceInTheApiAsync(HttpClient admin, string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using (var gone = await admin.GetAsync(new Uri($"/api/customers/{Customer}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var actions = await AssertNoTraceAsync(admin, "/api/actions?take=500");
        var action = Assert.Single(JsonDocument.Parse(actions).RootElement.EnumerateArray(), a => a.GetProperty("workflowId").GetString() == Workflow);
        Assert.Equal(pseudonym, action.GetProperty("customerId").GetString());
        Assert.Equal("completed", Status(action));
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>($"/api/actions?customerId={Customer}") ?? []);

        var approvals = await AssertNoTraceAsync(admin, $"/api/approvals?status=approved&workflowId={Workflow}");
        Assert.Equal(pseudonym, Assert.Single(JsonDocument.Parse(approvals).RootElement.EnumerateArray()).GetProperty("customerId").GetString());
        await AssertNoTraceAsync(admin, $"/api/workflows/{Workflow}/instances");
        var instance = await AssertNoTraceAsync(admin, $"/api/instances/{InstanceId}");
        Assert.Contains("\"ask\"", instance, StringComparison.Ordinal);

        var audit = await AssertNoTraceAsync(admin, "/api/audit?take=500");
        Assert.Contains(JsonDocument.Parse(audit).RootElement.EnumerateArray(), e => e.GetProperty("action").GetString() == "customer.erased" && e.GetProperty("subject").GetString() == $"customer/{pseudonym}");
        Assert.Contains(JsonDocument.Parse(audit).RootElement.EnumerateArray(), e => e.GetProperty("action").GetString() == "approval.approved");

        var suppressions = await AssertNoTraceAsync(admin, "/api/suppressions");
        var entry = Assert.Single(JsonDocument.Parse(suppressions).RootElement.EnumerateArray(), s => s.GetProperty("id").GetGuid() == SuppressionId);
        Assert.False(entry.TryGetProperty("address", out var address) && address.ValueKind != JsonValueKind.Null, $"the entry still shows an address: {entry}");
        Assert.False(entry.TryGetProperty("customerId", out var customerId) && customerId.ValueKind != JsonValueKind.Null, $"the entry still shows a customer: {entry}");
    }

    /// <summary>Someone new signs up with the erased customer's address: the suppression, kept as a hash, still holds.</summary>
    public async Task AssertTheSuppressionStillHoldsAsync(AutomationHost host, HttpClient admin)
    {
        var newcomer = $"newcomer-{Guid.NewGuid():N}"[..17];
        var now = DateTime.UtcNow;
        await PostAsync(host, Event(newcomer, "identify", now.AddSeconds(-1), new { email = Email }), Event(newcomer, "erasure_again", now));
        var blocked = Assert.Single(await SettledActionsAsync(admin, newcomer));
        Assert.Equal("skipped", Status(blocked));
        Assert.StartsWith($"{Email} is on the suppression list", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> AssertNoTraceAsync(HttpClient admin, string path)
    {
        using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        foreach (var trace in Traces)
        {
            Assert.False(body.Contains(trace, StringComparison.OrdinalIgnoreCase), $"GET {path} still shows '{trace}': {body}");
        }

        return body;
    }

    /// <summary>An event starts it; an approver decides; approved, it emails the customer.</summary>
    private static object ApprovedMail() => new
    {
        id = Workflow,
        name = Workflow,
        trigger = new { type = "event", @event = "erasure_tick" },
        reentry = new { policy = "always" },
        activities = new object[]
        {
            new { id = "ask", type = "approval", question = "Mail this customer?", estimatedCost = 1 },
            new { id = "mail", type = "action", action = "email.send", input = new { template = "welcome" } },
            new { id = "sent", type = "end" },
            new { id = "stopped", type = "end" },
        },
        connections = new object[]
        {
            new { from = "ask", port = "approved", to = "mail" },
            new { from = "ask", port = "rejected", to = "stopped" },
            new { from = "mail", port = "done", to = "sent" },
            new { from = "mail", port = "failed", to = "stopped" },
            new { from = "mail", port = "skipped", to = "stopped" },
            new { from = "mail", port = "rejected", to = "stopped" },
        },
    };
}
