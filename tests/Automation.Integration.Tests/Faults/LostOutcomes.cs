using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// The finding's way of losing an outcome, on RabbitMQ + PostgreSQL: the connector carries the action out and records
/// it, but recording the outcome in the dispatch log meets a database outage longer than the (shortened) outage
/// budget, so the ActionCompleted goes to <c>action-outcome_error</c> and the action stays dispatched with its instance
/// waiting. Outcomes are overdue two seconds after the connector's (shortened) timeout.
/// </summary>
public sealed class LostOutcomes : IDisposable
{
    public const string ErrorQueue = "action-outcome_error";

    private readonly PluginsFolder plugins;

    private LostOutcomes(PluginsFolder plugins, FailingCommands outcomeWrites, AutomationHost host)
    {
        this.plugins = plugins;
        OutcomeWrites = outcomeWrites;
        Host = host;
        Ledger = new ProofLedger(Path.Combine(plugins.Scratch, "deliveries.tsv"));
    }

    public AutomationHost Host { get; }

    /// <summary>Fails the dispatch log's outcome update (the one that sets CompletedAt) while armed.</summary>
    public FailingCommands OutcomeWrites { get; }

    /// <summary>What the proof connector carried out.</summary>
    public ProofLedger Ledger { get; }

    public static LostOutcomes Start(Dictionary<string, string?>? extra = null)
    {
        var plugins = PluginsFolder.WithProofPlugin();
        var outcomeWrites = new FailingCommands(sql =>
            sql.Contains("UPDATE actions", StringComparison.OrdinalIgnoreCase) && sql.Contains("\"CompletedAt\"", StringComparison.Ordinal));
        var settings = new Dictionary<string, string?>
        {
            ["Automation:PluginsPath"] = plugins.Path,
            ["Automation:Plugins:Proof:LedgerPath"] = Path.Combine(plugins.Scratch, "deliveries.tsv"),
            ["Automation:Plugins:Proof:FailureRate"] = "0",
            ["Automation:Dispatch:QuietHoursStart"] = "",
            ["Automation:Dispatch:OutageBudget"] = "00:00:01",
            ["Automation:Dispatch:OutcomeGrace"] = "00:00:02",
            ["Automation:Dispatch:ReconcileInterval"] = "00:00:00.500",
            ["Automation:Dispatch:ActionTimeouts:email.send"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var host = AutomationHost.OnRabbitMqAndPostgres(settings, services =>
            services.ConfigureDbContext<PostgresAutomationDbContext>(o => o.AddInterceptors(outcomeWrites)));
        return new LostOutcomes(plugins, outcomeWrites, host);
    }

    /// <summary>
    /// Publishes a one-action workflow and starts it for the customers (each identified with an email address) while
    /// outcome writes fail; returns once every outcome is in the error queue, with outcome writes working again.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> LoseOutcomesAsync(HttpClient admin, string workflowId, string actionType, object? input, IReadOnlyList<string> customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        var trigger = workflowId.Replace('-', '_') + "_go";
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(workflowId, trigger, actionType, input));
        OutcomeWrites.Arm();
        var now = DateTime.UtcNow;
        var events = customers.SelectMany(c => new object[]
        {
            new { customerId = c, type = "identify", timestamp = EventToEmailScenario.Iso(now.AddSeconds(-1)), properties = new { email = $"{c}@example.test", name = "Lou Lost" } },
            new { customerId = c, type = trigger, timestamp = EventToEmailScenario.Iso(now) },
        });
        using (var posted = await Host.PostEventsAsync(new { events }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var parked = await Poll.UntilAsync(() => BrokerQueues.MessageCountOrZeroAsync(Host.RabbitMqAddress!, ErrorQueue), n => n >= customers.Count, TimeSpan.FromSeconds(40));
        OutcomeWrites.Disarm();
        Assert.True(parked >= customers.Count, $"{parked} of {customers.Count} outcomes reached {ErrorQueue}; outcome writes failed {OutcomeWrites.Failed} times");
        var actions = await admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflowId}");
        Assert.Equal(customers.Count, actions.GetArrayLength());
        return [.. actions.EnumerateArray().Select(a => a.GetProperty("id").GetGuid())];
    }

    public static async Task<JsonElement> ActionAsync(HttpClient admin, Guid id, Func<JsonElement, bool> until)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var all = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/api/actions?take=500"),
            a => a.EnumerateArray().Any(x => x.GetProperty("id").GetGuid() == id && until(x)),
            TimeSpan.FromSeconds(30));
        return all.EnumerateArray().First(x => x.GetProperty("id").GetGuid() == id);
    }

    public static Task<JsonElement> StatusAsync(HttpClient admin, Guid id, string status) =>
        ActionAsync(admin, id, a => a.GetProperty("status").GetString() == status);

    public void Dispose()
    {
        Host.Dispose();
        plugins.Dispose();
    }
}
