using System.Diagnostics;
using Automation.Host.Telemetry;
using Automation.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
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
            all = Copy(spans);
        }

        var start = Array.Find(all, s => s.DisplayName == "workflow start" && (string?)s.GetTagItem("automation.workflow_id") == workflowId);
        return start is null ? [] : [.. all.Where(s => s.TraceId == start.TraceId)];
    }

    private static Activity[] Copy(List<Activity> spans)
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
