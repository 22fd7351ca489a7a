using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Operations;

public sealed class MetricsTests
{
    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Metrics_show_the_engines_counters_in_prometheus_text_after_an_event_sent_an_email()
    {
        using var host = AutomationHost.Embedded(TracedEmailRun.Settings());
        var workflowId = await TracedEmailRun.RunAsync(host);
        using var client = host.CreateClient();
        var scrape = await Poll.UntilAsync(
            () => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            m => PrometheusText.Value(m, "automation_connector_duration_seconds_count", "action_type=\"email.send\"") >= 1 && PrometheusText.Value(m, "automation_events_unprocessed") == 0,
            TimeSpan.FromSeconds(10));

        Assert.Equal(1, PrometheusText.Count(scrape, "automation_database_up"));
        Assert.True(PrometheusText.Count(scrape, "automation_events_accepted_total") >= 2, scrape);
        Assert.True(PrometheusText.Count(scrape, "automation_events_processed_total") >= 2, scrape);
        Assert.Equal(0, PrometheusText.Count(scrape, "automation_events_unprocessed"));
        Assert.True(PrometheusText.Count(scrape, "automation_events_lag_seconds_count") >= 1, scrape);
        Assert.Equal(1, PrometheusText.Count(scrape, "automation_workflows_started_total", $"workflow=\"{workflowId}\""));
        Assert.True(PrometheusText.Count(scrape, "automation_actions_total", "action_type=\"email.send\"", "status=\"dispatched\"") >= 1, scrape);
        Assert.True(PrometheusText.Count(scrape, "automation_guard_verdicts_total", "passed=\"true\"") >= 1, scrape);
        Assert.True(PrometheusText.Count(scrape, "automation_connector_duration_seconds_count", "action_type=\"email.send\"", "outcome=\"succeeded\"") >= 1, scrape);
        Assert.Equal(0, PrometheusText.Count(scrape, "automation_approvals_waiting"));
        Assert.NotNull(PrometheusText.Value(scrape, "automation_outbox_depth"));
        Assert.True(PrometheusText.Value(scrape, "automation_processing_stage_time_seconds_total") > 0, scrape);
        Assert.True(PrometheusText.Value(scrape, "http_server_request_duration_seconds_count") >= 1, scrape);
        Assert.Contains("\ndotnet_gc_", scrape, StringComparison.Ordinal);
    }
}
