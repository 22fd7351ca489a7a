using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Workflows;

/// <summary>Publishing, disabling and re-entry, seen through the instances customers get.</summary>
public sealed class WorkflowVersionTests : IDisposable
{
    private const string OnceEver = """
        { "id": "probe-once", "name": "Probe: once ever", "trigger": { "type": "event", "event": "probe_once" }, "reentry": { "policy": "once" },
          "activities": [ { "id": "done", "type": "end" } ], "connections": [] }
        """;

    private const string OncePerWeek = """
        { "id": "probe-weekly", "name": "Probe: once per 7 days", "trigger": { "type": "event", "event": "probe_weekly" }, "reentry": { "policy": "oncePer", "days": 7 },
          "activities": [ { "id": "done", "type": "end" } ], "connections": [] }
        """;

    private const string EveryTime = """
        { "id": "probe-always", "name": "Probe: every time", "trigger": { "type": "event", "event": "probe_always" }, "reentry": { "policy": "always" },
          "activities": [ { "id": "hold", "type": "waitForEvent", "event": "probe_release", "timeout": "P7D" }, { "id": "done", "type": "end" } ],
          "connections": [ { "from": "hold", "port": "event", "to": "done" }, { "from": "hold", "port": "timeout", "to": "done" } ] }
        """;

    private readonly ShiftableClock clock = new();
    private readonly AutomationHost host;

    public WorkflowVersionTests()
    {
        var folder = ProbeWorkflows.WriteFolder(ProbeWorkflows.EventWait, OnceEver, OncePerWeek, EveryTime);
        host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:WorkflowsPath"] = folder }, clock);
    }

    [Fact]
    public async Task Running_instances_finish_on_the_version_they_started_on_after_a_new_one_is_published()
    {
        var early = Customer("early");
        await early.DoesAsync("probe_started");
        Assert.Equal(1, (await early.WaitingAtAsync("probe-event-wait", "wait")).GetProperty("version").GetInt32());

        // Version 2 waits for a different event.
        var v2 = WorkflowJson.Parse(ProbeWorkflows.EventWait.Replace("\"event\": \"probe_answered\"", "\"event\": \"probe_confirmed\"", StringComparison.Ordinal));
        Assert.Equal(2, await PublishAsync(v2));
        var late = Customer("late");
        await late.DoesAsync("probe_started");
        Assert.Equal(2, (await late.WaitingAtAsync("probe-event-wait", "wait")).GetProperty("version").GetInt32());

        await early.DoesAsync("probe_answered");
        await late.DoesAsync("probe_answered");
        Assert.Equal(1, (await early.CompletedAsync("probe-event-wait")).GetProperty("version").GetInt32());
        await EventsProcessedAsync();
        await late.WaitingAtAsync("probe-event-wait", "wait"); // v2 does not care about probe_answered

        await late.DoesAsync("probe_confirmed");
        Assert.Equal(2, (await late.CompletedAsync("probe-event-wait")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Disabling_a_workflow_stops_new_entries_and_lets_running_instances_finish()
    {
        var inside = Customer("inside");
        await inside.DoesAsync("probe_started");
        await inside.WaitingAtAsync("probe-event-wait", "wait");

        Assert.True(await host.Services.GetRequiredService<WorkflowService>().SetEnabledAsync("probe-event-wait", enabled: false, "lead@example.test", CancellationToken.None));
        var outside = Customer("outside");
        await outside.DoesAsync("probe_started");
        await inside.DoesAsync("probe_answered");

        await inside.CompletedAsync("probe-event-wait");
        await EventsProcessedAsync();
        Assert.Null(await outside.InstanceAsync("probe-event-wait", _ => true, TimeSpan.Zero));
    }

    [Fact]
    public async Task Once_ever_admits_a_customer_a_single_time()
    {
        var customer = Customer("once");
        await customer.DoesAsync("probe_once");
        await customer.CompletedAsync("probe-once");
        clock.Advance(TimeSpan.FromDays(400));
        await customer.DoesAsync("probe_once");
        await EventsProcessedAsync();

        Assert.Equal(1, await CountAsync("probe-once", customer));
    }

    [Fact]
    public async Task Once_per_seven_days_admits_again_only_after_the_week()
    {
        var customer = Customer("weekly");
        await customer.DoesAsync("probe_weekly");
        await customer.CompletedAsync("probe-weekly");
        clock.Advance(TimeSpan.FromDays(6));
        await customer.DoesAsync("probe_weekly");
        await EventsProcessedAsync();
        Assert.Equal(1, await CountAsync("probe-weekly", customer));

        clock.Advance(TimeSpan.FromDays(2));
        await customer.DoesAsync("probe_weekly");
        await EventsProcessedAsync();
        Assert.Equal(2, await CountAsync("probe-weekly", customer));
    }

    [Fact]
    public async Task Every_time_admits_again_but_never_beside_an_active_instance()
    {
        var customer = Customer("always");
        await customer.DoesAsync("probe_always");
        await customer.WaitingAtAsync("probe-always", "hold");
        await customer.DoesAsync("probe_always");
        await EventsProcessedAsync();
        Assert.Equal(1, await CountAsync("probe-always", customer)); // still waiting: no second active instance

        await customer.DoesAsync("probe_release");
        await customer.CompletedAsync("probe-always");
        await customer.DoesAsync("probe_always");
        await EventsProcessedAsync();
        Assert.Equal(2, await CountAsync("probe-always", customer));
    }

    public void Dispose() => host.Dispose();

    private SyntheticCustomer Customer(string prefix) => new(host, clock, prefix);

    private async Task<int> PublishAsync(WorkflowDefinition definition)
    {
        var service = host.Services.GetRequiredService<WorkflowService>();
        var saved = await service.SaveDraftAsync(definition, "designer@example.test", mustBeNew: false, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems.Select(p => p.Message)));
        var published = await service.PublishAsync(definition.Id, "designer@example.test", CancellationToken.None);
        Assert.True(published is { Succeeded: true }, string.Join("; ", published?.Problems.Select(p => p.Message) ?? []));
        return published!.Version;
    }

    private async Task<int> CountAsync(string workflowId, SyntheticCustomer customer)
    {
        using var client = await host.AdminAsync();
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/workflows/{workflowId}/instances");
        return all.EnumerateArray().Count(i => i.GetProperty("customerId").GetString() == customer.Id);
    }

    private async Task EventsProcessedAsync()
    {
        using var client = host.ApiClient();
        var metrics = await Poll.UntilAsync(() => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_events_unprocessed") == 0, TimeSpan.FromSeconds(30));
        Assert.Equal(0, PrometheusText.Count(metrics, "automation_events_unprocessed"));
    }
}
