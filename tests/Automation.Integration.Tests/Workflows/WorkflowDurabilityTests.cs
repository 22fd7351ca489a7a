using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Workflows;

/// <summary>The real host process killed and started again on its database: nothing a workflow waits for is lost.</summary>
public sealed class WorkflowDurabilityTests
{
    [Fact]
    public async Task After_a_crash_every_waiting_instance_resumes_when_its_event_arrives()
    {
        var settings = Settings(ProbeWorkflows.EventWait);
        var customers = Enumerable.Range(0, 20).Select(i => $"wait-{Guid.NewGuid():N}"[..15] + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var first = await HostProcess.StartAsync(requireDesigner: false, settings: settings);
        await using (first)
        {
            await PostAsync(first, customers.Select(c => (c, "probe_started")));
            var waiting = await InstancesAsync(first, "probe-event-wait", all => all.Count(i => Status(i) == "waiting") == customers.Count);
            Assert.Equal(customers.Count, waiting.Count(i => Status(i) == "waiting"));
            await first.KillAsync();

            await using var second = await HostProcess.StartAsync(first.Folder, requireDesigner: false, settings: settings);
            await PostAsync(second, customers.Select(c => (c, "probe_answered")));
            var after = await InstancesAsync(second, "probe-event-wait", all => all.Count(i => Status(i) == "completed") == customers.Count);

            Assert.Equal(customers.Count, after.Count);
            Assert.All(after, i => Assert.Equal("completed", Status(i)));
            var steps = await StepsAsync(second, after[0]);
            Assert.Contains(("wait", "event"), steps);
        }
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_the_engine_was_down_fires_on_start()
    {
        var settings = Settings(ProbeWorkflows.ShortTimer);
        var customers = Enumerable.Range(0, 5).Select(i => $"timer-{Guid.NewGuid():N}"[..16] + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var first = await HostProcess.StartAsync(requireDesigner: false, settings: settings);
        await using (first)
        {
            await PostAsync(first, customers.Select(c => (c, "probe_timer")));
            var waiting = await InstancesAsync(first, "probe-short-timer", all => all.Count(i => Status(i) == "waiting") == customers.Count);
            Assert.Equal(customers.Count, waiting.Count(i => Status(i) == "waiting"));
            await first.KillAsync();
            var wakeAt = waiting.Max(i => DateTime.SpecifyKind(i.GetProperty("wakeAt").GetDateTime(), DateTimeKind.Utc));
            Assert.True(wakeAt > DateTime.UtcNow, "the timer fell due before the kill; lengthen the probe's wait");
            await Task.Delay(wakeAt - DateTime.UtcNow + TimeSpan.FromSeconds(1)); // due while nothing runs

            var restartedAt = DateTime.UtcNow;
            await using var second = await HostProcess.StartAsync(first.Folder, requireDesigner: false, settings: settings);
            var after = await InstancesAsync(second, "probe-short-timer", all => all.Count(i => Status(i) == "completed") == customers.Count);

            Assert.All(after, i => Assert.Equal("completed", Status(i)));
            Assert.All(after, i => Assert.True(DateTime.SpecifyKind(i.GetProperty("endedAt").GetDateTime(), DateTimeKind.Utc) >= restartedAt, "the wait ended before the restart"));
        }
    }

    [Fact]
    public async Task A_crash_between_dispatch_and_outcome_still_sends_exactly_one_email()
    {
        using var silent = new SilentSmtpServer();
        var settings = Settings(ProbeWorkflows.SendMail);
        var customer = $"mail-{Guid.NewGuid():N}"[..15];
        var email = $"{customer}@example.test";
        var first = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string>(settings) { ["Automation__Plugins__Email__Smtp__Port"] = silent.Port.ToString(CultureInfo.InvariantCulture) });
        await using (first)
        {
            using (var client = first.ApiClient())
            {
                using var response = await client.PostAsJsonAsync("/api/events", new
                {
                    events = new object[]
                    {
                        new { customerId = customer, type = "identify", timestamp = Iso(DateTime.UtcNow.AddMinutes(-1)), properties = new { email, name = "Crash Tester" } },
                        new { customerId = customer, type = "probe_mail", timestamp = Iso(DateTime.UtcNow) },
                    },
                });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            // The email plugin is stuck talking to a server that never answers: dispatched, no outcome yet.
            var dispatched = await ActionsAsync(first, customer, a => a.Count == 1 && a[0].GetProperty("status").GetString() == "dispatched" && silent.Accepted > 0);
            Assert.True(silent.Accepted > 0, $"the email plugin never connected; actions: {string.Join(", ", dispatched)}");
            await first.KillAsync();

            await using var second = await HostProcess.StartAsync(first.Folder, requireDesigner: false, settings: settings);
            var message = await Maildir.WaitForMessageToAsync(email, TimeSpan.FromSeconds(45));
            var actions = await ActionsAsync(second, customer, a => a.Count == 1 && a[0].GetProperty("status").GetString() == "completed");
            var instances = await InstancesAsync(second, "probe-mail", all => all.Count == 1 && Status(all[0]) == "completed");
            await Task.Delay(TimeSpan.FromSeconds(2)); // a second send, if there were one, would land by now

            var action = Assert.Single(actions);
            Assert.Equal("completed", action.GetProperty("status").GetString());
            Assert.Equal(dispatched[0].GetProperty("id").GetString(), action.GetProperty("id").GetString());
            Assert.Single(Maildir.MessagesTo(email));
            Assert.Equal(action.GetProperty("id").GetString(), message.Headers["X-Automation-Action"]);
            Assert.Equal($"{instances[0].GetProperty("id").GetGuid():N}:mail:0", message.Headers["X-Automation-Idempotency-Key"]);
            Assert.Equal("completed", Status(Assert.Single(instances)));
        }
    }

    private static Dictionary<string, string> Settings(params string[] workflows) => new()
    {
        ["Automation__WorkflowsPath"] = ProbeWorkflows.WriteFolder(workflows),
    };

    private static async Task PostAsync(HostProcess host, IEnumerable<(string Customer, string Type)> events)
    {
        using var client = host.ApiClient();
        var batch = events.Select(e => new { customerId = e.Customer, type = e.Type, timestamp = Iso(DateTime.UtcNow) }).ToList();
        using var response = await client.PostAsJsonAsync("/api/events", new { events = batch });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<List<JsonElement>> InstancesAsync(HostProcess host, string workflowId, Func<List<JsonElement>, bool> until)
    {
        using var client = await host.AdminClientAsync();
        return await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflowId}/instances")).EnumerateArray().ToList(),
            until,
            TimeSpan.FromSeconds(45));
    }

    private static async Task<List<JsonElement>> ActionsAsync(HostProcess host, string customer, Func<List<JsonElement>, bool> until)
    {
        using var client = await host.AdminClientAsync();
        return await Poll.UntilAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/actions?customerId={customer}")).EnumerateArray().ToList(),
            until,
            TimeSpan.FromSeconds(45));
    }

    private static async Task<List<(string, string?)>> StepsAsync(HostProcess host, JsonElement instance)
    {
        using var client = await host.AdminClientAsync();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/instances/{instance.GetProperty("id").GetString()}");
        return detail.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("activityId").GetString()!, s.TryGetProperty("port", out var port) && port.ValueKind == JsonValueKind.String ? port.GetString() : null)).ToList();
    }

    private static string Status(JsonElement instance) => instance.GetProperty("status").GetString()!.ToLowerInvariant();

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
