using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Automation.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Automation.Integration.Tests.Workflows.Depth.DepthHost;

namespace Automation.Integration.Tests.Workflows.Depth;

/// <summary>Each new building block runs in a published workflow on the embedded default (SQLite + in-memory bus), waitUntil on RabbitMQ + PostgreSQL too.</summary>
public sealed class NewStepsTests
{
    [Fact]
    public async Task Set_variable_and_switch_take_the_case_the_variable_decides_and_notes_reach_the_journal()
    {
        using var host = AutomationHost.Embedded();
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, JsonNode.Parse("""
            {
              "id": "depth-switch", "name": "Depth: switch", "trigger": { "type": "event", "event": "depth_switch" }, "reentry": { "policy": "always" },
              "variables": [ { "name": "visits", "value": 1 } ],
              "activities": [
                { "id": "count", "type": "setVariable", "variable": "visits", "value": "Variables.Number(\"visits\") + 2" },
                { "id": "tier", "type": "switch", "cases": [ { "port": "many", "condition": "Variables.Number(\"visits\") >= 3" }, { "port": "some", "condition": "Variables.Number(\"visits\") >= 2" } ] },
                { "id": "many", "type": "note", "text": "many visits" },
                { "id": "other", "type": "note", "text": "not many" }
              ],
              "connections": [
                { "from": "count", "port": "done", "to": "tier" },
                { "from": "tier", "port": "many", "to": "many" },
                { "from": "tier", "port": "some", "to": "other" },
                { "from": "tier", "port": "default", "to": "other" }
              ]
            }
            """)!);
        var customer = "sw-" + Guid.NewGuid().ToString("N")[..8];

        await SendAsync(host, [Event(customer, "depth_switch", DateTime.UtcNow)]);

        var done = Assert.Single(await UntilAsync(designer, "depth-switch", all => all.Any(i => Customer(i) == customer && Status(i) == "completed")), i => Customer(i) == customer);
        var steps = await StepsAsync(designer, done);
        Assert.Equal(
            [("trigger", "done", "event depth_switch"), ("count", "done", "visits = 3"), ("tier", "many", "case many: Variables.Number(\"visits\") >= 3"), ("many", "done", "many visits")],
            steps);
    }

    [Fact]
    public async Task Wait_until_nine_resumes_at_nine_in_the_customers_own_time_zone()
    {
        var clock = new ShiftableClock();
        using var host = AutomationHost.Embedded(clock: clock);
        await WaitUntilNineAsync(host, clock);
    }

    [Fact]
    public async Task Wait_until_nine_resumes_at_nine_in_the_customers_own_time_zone_on_rabbitmq_and_postgres()
    {
        var clock = new ShiftableClock();
        using var host = AutomationHost.OnRabbitMqAndPostgres(services: s => s.AddSingleton<TimeProvider>(clock));
        await WaitUntilNineAsync(host, clock);
    }

    private static async Task WaitUntilNineAsync(AutomationHost host, ShiftableClock clock)
    {
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, JsonNode.Parse("""
            {
              "id": "depth-morning", "name": "Depth: morning", "trigger": { "type": "event", "event": "depth_morning" },
              "activities": [
                { "id": "morning", "type": "waitUntil", "time": "09:00" },
                { "id": "sent", "type": "note", "text": "good morning" }
              ],
              "connections": [ { "from": "morning", "port": "done", "to": "sent" } ]
            }
            """)!);
        var customer = "tz-" + Guid.NewGuid().ToString("N")[..8];
        var now = clock.UtcNow;

        await SendAsync(host, [Event(customer, "identify", now.AddSeconds(-5), new { timeZone = "Asia/Tokyo" }), Event(customer, "depth_morning", now)]);

        var waiting = Assert.Single(await UntilAsync(designer, "depth-morning", all => all.Any(i => Customer(i) == customer && Status(i) == "waiting")), i => Customer(i) == customer);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var wakeAt = DateTime.SpecifyKind(waiting.GetProperty("wakeAt").GetDateTime(), DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(wakeAt, tokyo);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(local));
        Assert.InRange(wakeAt - now, TimeSpan.Zero, TimeSpan.FromDays(1));

        clock.Offset = wakeAt - DateTime.UtcNow + TimeSpan.FromSeconds(1); // just past nine in Tokyo
        using var later = await host.AdminAsync(); // hours later: the first sign-in has expired

        var done = Assert.Single(await UntilAsync(later, "depth-morning", all => all.Any(i => Customer(i) == customer && Status(i) == "completed")), i => Customer(i) == customer);
        Assert.Contains(("sent", "done", "good morning"), await StepsAsync(later, done));
    }

    [Fact]
    public async Task External_task_waits_until_an_external_system_completes_it_through_the_api()
    {
        using var host = AutomationHost.Embedded();
        using var designer = await host.AdminAsync();
        await PublishAsync(designer, JsonNode.Parse("""
            {
              "id": "depth-task", "name": "Depth: task", "trigger": { "type": "event", "event": "depth_task" },
              "activities": [
                { "id": "call", "type": "externalTask", "task": "call-customer" },
                { "id": "called", "type": "note", "text": "called" }
              ],
              "connections": [ { "from": "call", "port": "done", "to": "called" } ]
            }
            """)!);
        var customer = "task-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(host, [Event(customer, "depth_task", DateTime.UtcNow)]);
        var waiting = Assert.Single(await UntilAsync(designer, "depth-task", all => all.Any(i => Customer(i) == customer && Status(i) == "waiting")), i => Customer(i) == customer);
        var id = waiting.GetProperty("id").GetGuid();
        Assert.Equal("task:call", waiting.GetProperty("bookmark").GetString());
        using var crm = host.ApiClient();

        using (var wrongStep = await crm.PostAsync(new Uri($"/api/instances/{id}/tasks/called/complete", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongStep.StatusCode);
        }

        using (var completed = await crm.PostAsync(new Uri($"/api/instances/{id}/tasks/call/complete", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        }

        using (var again = await crm.PostAsync(new Uri($"/api/instances/{id}/tasks/call/complete", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode); // a task completes once
        }

        var done = Assert.Single(await InstancesAsync(designer, "depth-task"), i => Customer(i) == customer);
        Assert.Equal("completed", Status(done));
        Assert.Contains(("called", "done", "called"), await StepsAsync(designer, done));
    }
}
