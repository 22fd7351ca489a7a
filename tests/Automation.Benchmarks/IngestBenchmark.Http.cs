using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Automation.Composition.Configuration;
using Automation.Composition.Storage;
using Automation.Engine.Events;
using Automation.Engine.Processing;
using Automation.Engine.Segments;
using Automation.Host;
using Automation.Host.Configuration;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Testing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Automation.Benchmarks;

/// <summary>The ingest benchmark over HTTP: clients posting batches to a host on loopback, as producers do.</summary>
public static partial class IngestBenchmark
{
    /// <summary>
    /// The same events posted in batches by <paramref name="clients"/> concurrent senders to the real host process on
    /// loopback (Kestrel, API key, validation, durable append before each 202), then until its metrics show no
    /// unprocessed event. The host publishes the workflows of <paramref name="workflows"/>.
    /// </summary>
    private static async Task<(double Accepted, double Processed)> HttpAsync(List<IncomingEvent?> data, int batch, int clients, string workflows)
    {
        var settings = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning", ["Automation__WorkflowsPath"] = workflows };
        if (ProcessBatch() is { } size)
        {
            settings["Automation__Processing__BatchSize"] = size;
        }

        if (BacklogBatch() is { } backlog)
        {
            settings["Automation__Processing__BacklogBatchSize"] = backlog;
        }

        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: settings);
        using var client = host.ApiClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var bodies = data.Chunk(batch).Select(chunk => JsonSerializer.SerializeToUtf8Bytes(new { events = chunk }, JsonSerializerOptions.Web)).ToList();
        var startCpu = host.ProcessorTime;
        var watch = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            // Each sender takes the next batch when its last one was answered: the log's order is the send order per sender.
            for (var i = Interlocked.Increment(ref next); i < bodies.Count; i = Interlocked.Increment(ref next))
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync("/api/events", content);
                if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"the host answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));

        var accepted = watch.Elapsed.TotalSeconds;
        var acceptedCpu = host.ProcessorTime - startCpu;
        while (true)
        {
            var metrics = await client.GetStringAsync("/metrics");
            if (PrometheusText.Value(metrics, "automation_events_unprocessed") == 0)
            {
                break;
            }

            // Counting a million-row log is not free: asking too often would slow the engine being measured.
            await Task.Delay(500);
        }

        var processed = watch.Elapsed.TotalSeconds;
        var processedCpu = host.ProcessorTime - startCpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  host CPU: {acceptedCpu.TotalSeconds:0.0} s until the last 202 ({accepted:0.0} s), {processedCpu.TotalSeconds:0.0} s until processed ({processed:0.0} s); host peak working set {host.PeakWorkingSet / (1024.0 * 1024):0} MiB"));

        // Segment and score messages leave through the outbox behind the processor: how long after it they are all out.
        var pendingAtEnd = PrometheusText.Count(await client.GetStringAsync("/metrics"), "automation_outbox_depth");
        while (PrometheusText.Count(await client.GetStringAsync("/metrics"), "automation_outbox_depth") > 0 && watch.Elapsed.TotalSeconds < processed + 600)
        {
            await Task.Delay(250);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  host outbox: {pendingAtEnd:N0} rows pending when the events were processed, all relayed {watch.Elapsed.TotalSeconds - processed:0.0} s later"));
        foreach (var line in (await client.GetStringAsync("/metrics")).Split('\n').Where(l => l.StartsWith("automation_processing_stage_time_seconds_total{", StringComparison.Ordinal)))
        {
            Console.WriteLine("  host " + line);
        }

        return (accepted, processed);
    }
}
