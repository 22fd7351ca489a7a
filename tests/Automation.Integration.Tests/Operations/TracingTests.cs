using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Engine.Processing;
using Automation.Host.Telemetry;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Automation.Integration.Tests.Operations;

/// <summary>One trace follows an event from POST /api/events to the connector that sent its email.</summary>
public sealed class TracingTests
{
    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task One_trace_spans_the_request_processing_workflow_start_dispatch_and_connector_on_the_embedded_default()
    {
        var spans = new List<Activity>();
        using var host = AutomationHost.Embedded(TracedEmailRun.Settings(), services: Traced(spans));
        await AssertOneTraceAsync(host, spans);
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task One_trace_spans_the_request_processing_workflow_start_dispatch_and_connector_on_rabbitmq_and_postgres()
    {
        var spans = new List<Activity>();
        using var host = AutomationHost.OnRabbitMqAndPostgres(TracedEmailRun.Settings(), services: Traced(spans));
        await AssertOneTraceAsync(host, spans);
    }

    /// <summary>
    /// Two engine processes on one database and broker: the child process takes the event and processes it (it is the
    /// only one processing), this one relays outboxes and runs connectors too. A dispatch that reaches this process's
    /// connector can only have come over the outbox and the bus, and its spans must continue the child's trace.
    /// </summary>
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task One_trace_follows_an_event_through_the_outbox_and_the_bus_into_another_engine_process()
    {
        using var backends = BrokerAndDatabase.Create();
        var spans = new List<Activity>();
        using var connectors = AutomationHost.OnRabbitMqAndPostgres(backends, TracedEmailRun.Settings(), services =>
        {
            Traced(spans)(services);
            WithoutEventProcessing(services);
        });
        using var admin = await connectors.AdminAsync(); // this process migrates the database and creates the admin first
        await using var ingesting = await HostProcess.StartAsync(requireDesigner: false, settings: ChildSettings(backends));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var trigger = $"relay_go_{suffix}";
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction($"relay-{suffix}", trigger, "email.send", new { template = "welcome" }));

        // The bus shares deliveries out between the two processes' connectors: send customers until one lands here.
        var seen = new List<string>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var customer = $"relay-{suffix}-{attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            await PostAndWaitAsync(ingesting, admin, customer, trigger);
            var start = await Poll.UntilAsync(
                () => Task.FromResult(ConsoleSpan.Parse(ingesting.Output).Find(s => s.DisplayName == "workflow start" && s.Tags.GetValueOrDefault("automation.customer_id") == customer)),
                s => s is not null,
                TimeSpan.FromSeconds(10));
            Assert.True(start is not null, $"the processing process recorded no workflow start for {customer}:\n{ingesting.Output}");
            var there = ConsoleSpan.Parse(ingesting.Output).Where(s => s.TraceId == start.TraceId).ToList();
            var here = await Poll.UntilAsync(
                () => Task.FromResult(Copy(spans).Where(s => s.TraceId.ToHexString() == start.TraceId).ToList()),
                h => h.Exists(s => s.DisplayName == "connector email.send") || there.Exists(s => s.DisplayName == "connector email.send"),
                TimeSpan.FromSeconds(10));
            seen.Add($"{customer}: there [{string.Join(", ", there.Select(s => s.DisplayName))}] here [{string.Join(", ", here.Select(s => s.DisplayName))}]");
            if (!here.Exists(s => s.DisplayName == "connector email.send"))
            {
                continue;
            }

            Assert.Contains(there, s => s.Kind == "Server" && s.DisplayName.Contains("/api/events", StringComparison.Ordinal));
            Assert.Contains(there, s => s.DisplayName == "workflows");
            Assert.Contains(there, s => s.DisplayName == "dispatch" && s.Tags.GetValueOrDefault("automation.action_status") == "Dispatched");
            Assert.True(there.Exists(s => s.DisplayName == "outbox relay") || here.Exists(s => s.DisplayName == "outbox relay"), seen[^1]);
            Assert.Contains(here, s => s.Source.Name == TelemetrySetup.BusTraces && s.Kind == ActivityKind.Consumer);
            Assert.Contains(here, s => s.DisplayName == "connector email.send" && (string?)s.GetTagItem("automation.outcome") == "succeeded");
            // The outcome's way back over the bus (consumed by either process) stays in the trace.
            var names = await Poll.UntilAsync(
                () => Task.FromResult(Copy(spans).Where(s => s.TraceId.ToHexString() == start.TraceId).Select(s => s.DisplayName)
                    .Concat(ConsoleSpan.Parse(ingesting.Output).Where(s => s.TraceId == start.TraceId).Select(s => s.DisplayName)).ToList()),
                n => n.Exists(d => d.StartsWith("action-outcome", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(10));
            Assert.True(names.Exists(d => d.StartsWith("action-outcome", StringComparison.Ordinal)), $"the outcome's way back is not in the trace: {string.Join(", ", names)}");
            return;
        }

        Assert.Fail($"no delivery reached the second process's connector in {seen.Count} tries: {string.Join("; ", seen)}");
    }

    /// <summary>
    /// The other way round: this process takes the event (its processor removed) and the child processes it. The child's
    /// workflow start continues the trace of the request this process took, carried with the stored event.
    /// </summary>
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task An_event_accepted_by_one_engine_process_and_processed_by_another_stays_in_the_requests_trace()
    {
        using var backends = BrokerAndDatabase.Create();
        var spans = new List<Activity>();
        using var accepting = AutomationHost.OnRabbitMqAndPostgres(backends, TracedEmailRun.Settings(), services =>
        {
            Traced(spans)(services);
            WithoutEventProcessing(services);
        });
        using var admin = await accepting.AdminAsync();
        await using var processing = await HostProcess.StartAsync(requireDesigner: false, settings: ChildSettings(backends));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var customer = $"handover-{suffix}";
        var trigger = $"handover_go_{suffix}";
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction($"handover-{suffix}", trigger, "email.send", new { template = "welcome" }));

        using (var posted = await accepting.PostEventsAsync(new { events = new object[] { new { customerId = customer, type = trigger, timestamp = EventToEmailScenario.Iso(DateTime.UtcNow) } } }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var request = await Poll.UntilAsync(
            () => Task.FromResult(Copy(spans).FirstOrDefault(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/events", StringComparison.Ordinal))),
            s => s is not null,
            TimeSpan.FromSeconds(10));
        Assert.True(request is not null, "this process recorded no request span for POST /api/events");
        var started = await Poll.UntilAsync(
            () => Task.FromResult(ConsoleSpan.Parse(processing.Output).Find(s => s.DisplayName == "workflow start" && s.Tags.GetValueOrDefault("automation.customer_id") == customer)),
            s => s is not null,
            TimeSpan.FromSeconds(60));
        Assert.True(started is not null, $"the processing process recorded no workflow start for {customer}:\n{processing.Output}");
        var requests = Copy(spans).Where(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/events", StringComparison.Ordinal)).Select(s => s.TraceId.ToHexString()).ToList();
        Assert.True(
            requests.Contains(started.TraceId),
            $"the workflow start's trace {started.TraceId} is none of this process's event requests' ({string.Join(", ", requests)}); stored traceparent: {StoredTraceParent(backends, customer)}");
    }

    private static string StoredTraceParent(BrokerAndDatabase backends, string customer)
    {
        using var connection = new Npgsql.NpgsqlConnection(backends.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT coalesce(\"TraceParent\", '(null)') FROM events WHERE \"CustomerId\" = @c", connection);
        command.Parameters.AddWithValue("c", customer);
        return command.ExecuteScalar() as string ?? "(no event)";
    }

    private static async Task PostAndWaitAsync(HostProcess host, HttpClient admin, string customer, string trigger)
    {
        var now = DateTime.UtcNow;
        using (var api = host.ApiClient())
        using (var posted = await api.PostAsJsonAsync("/api/events", new
        {
            events = new object[]
            {
                new { customerId = customer, type = "identify", timestamp = EventToEmailScenario.Iso(now.AddSeconds(-1)), properties = new { email = $"{customer}@example.test" } },
                new { customerId = customer, type = trigger, timestamp = EventToEmailScenario.Iso(now) },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var completed = await Poll.UntilAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/actions?customerId={customer}&status=completed"),
            a => a.GetArrayLength() == 1,
            TimeSpan.FromSeconds(60));
        Assert.Equal(1, completed.GetArrayLength());
    }

    /// <summary>The child process on the shared database and broker, writing its spans to its console.</summary>
    private static Dictionary<string, string> ChildSettings(BrokerAndDatabase backends)
    {
        var settings = backends.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value ?? "");
        settings["Automation__Telemetry__Exporter"] = "Console";
        return settings;
    }

    /// <summary>
    /// A process that takes events but processes none: without the processor, and without taking a share of the
    /// partitions (a partition it owned would wait for ever, its customers' events unprocessed).
    /// </summary>
    private static void WithoutEventProcessing(IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EventProcessingService)));
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Engine.Cluster.PartitionOwnershipService)));
    }

    private static Action<IServiceCollection> Traced(List<Activity> spans) =>
        services => services.AddOpenTelemetry().WithTracing(t => t.AddEngineTracing().AddInMemoryExporter(spans));

    private static async Task AssertOneTraceAsync(AutomationHost host, List<Activity> spans)
    {
        var workflowId = await TracedEmailRun.RunAsync(host);

        // The connector's span ends before the outcome is written; the trace is complete once it is exported.
        var trace = await Poll.UntilAsync(
            () => Task.FromResult(TraceOf(spans, workflowId)),
            t => t.Exists(s => s.DisplayName == "connector email.send"),
            TimeSpan.FromSeconds(10));
        var names = string.Join(", ", trace.Select(s => $"{s.Source.Name}:{s.DisplayName}"));

        Assert.Contains(trace, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/events", StringComparison.Ordinal));
        Assert.True(trace.Exists(s => s.DisplayName == "workflows"), $"no processing span in the trace: {names}");
        Assert.True(trace.Exists(s => s.DisplayName == "workflow start"), $"no workflow start in the trace: {names}");
        Assert.True(trace.Exists(s => s.DisplayName == "dispatch" && (string?)s.GetTagItem("automation.action_status") == "Dispatched"), $"no dispatch in the trace: {names}");
        Assert.True(trace.Exists(s => s.DisplayName == "outbox relay"), $"the trace does not cross the outbox: {names}");
        Assert.True(trace.Exists(s => s.Source.Name == TelemetrySetup.BusTraces && s.Kind == ActivityKind.Consumer), $"no bus consumer in the trace: {names}");
        Assert.True(trace.Exists(s => s.DisplayName == "connector email.send" && (string?)s.GetTagItem("automation.outcome") == "succeeded"), $"no connector call in the trace: {names}");
    }

    /// <summary>The spans of the trace in which this workflow started (empty until it did).</summary>
    private static List<Activity> TraceOf(List<Activity> spans, string workflowId)
    {
        Activity[] all;
        lock (spans)
        {
            // The exporter adds from the host's threads; a copy taken while it adds is taken again.
            all = CopyUnlocked(spans);
        }

        var start = Array.Find(all, s => s.DisplayName == "workflow start" && (string?)s.GetTagItem("automation.workflow_id") == workflowId);
        return start is null ? [] : [.. all.Where(s => s.TraceId == start.TraceId)];
    }

    private static Activity[] Copy(List<Activity> spans)
    {
        lock (spans)
        {
            return CopyUnlocked(spans);
        }
    }

    private static Activity[] CopyUnlocked(List<Activity> spans)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return [.. spans];
            }
            catch (InvalidOperationException) when (attempt < 10)
            {
                Thread.Sleep(10);
            }
        }
    }
}
