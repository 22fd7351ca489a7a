using System.Text.Json;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;
using Automation.Engine.Workflows.Simulation;
using Automation.Integration.Tests.Support;
using Automation.Testing.Elsa;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Cli;

public sealed class CliCommandsTests
{
    [Fact]
    public async Task Simulate_reports_what_the_api_simulator_reports_for_the_same_database()
    {
        var clock = new ShiftableClock();
        using var host = AutomationHost.Embedded(clock: clock);
        for (var i = 0; i < 3; i++)
        {
            await new SyntheticCustomer(host, clock, "sim").DoesAsync(("identify", TimeSpan.FromHours(3), null), ("pricing_view", TimeSpan.FromHours(2), null), ("pricing_view", TimeSpan.FromHours(1), null));
        }

        await new SyntheticCustomer(host, clock, "simbuyer").DoesAsync(("identify", TimeSpan.FromHours(3), null), ("purchase", TimeSpan.FromHours(1), 30m));
        using (var client = host.ApiClient())
        {
            await Poll.UntilAsync(() => client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), m => PrometheusText.Value(m, "automation_events_unprocessed") == 0, TimeSpan.FromSeconds(30));
        }

        var reportFile = Path.Combine(host.Folder, "report.json");
        var (exitCode, output) = await CliRun.RunAsync("simulate", "high-intent-nurture", "--sqlite-path", Path.Combine(host.Folder, "automation.db"), "--plugins", RepoPaths.Plugins, "--json", reportFile);
        var expected = await host.Services.GetRequiredService<WorkflowSimulator>().RunAsync("high-intent-nurture", null, 30, CancellationToken.None);

        Assert.True(exitCode == 0, output);
        Assert.Contains("3 of 4 customers would enter", output, StringComparison.Ordinal);
        var report = JsonSerializer.Deserialize<SimulationReport>(File.ReadAllText(reportFile), WorkflowJson.Options)!;
        Assert.Equal(expected!.CustomersEntered, report.CustomersEntered);
        Assert.Equal(3, report.CustomersEntered);
        Assert.Equal(expected.CustomersEvaluated, report.CustomersEvaluated);
        Assert.Equal(expected.Activities.Select(a => (a.ActivityId, a.Entered, string.Join(",", a.Ports.OrderBy(p => p.Key)))), report.Activities.Select(a => (a.ActivityId, a.Entered, string.Join(",", a.Ports.OrderBy(p => p.Key)))));
        Assert.Equal(expected.Actions, report.Actions);
        Assert.Equal(3, Assert.Single(report.Actions).Count);
        Assert.Equal(expected.EstimatedSpend, report.EstimatedSpend);
    }

    [Fact]
    public async Task Simulate_names_a_workflow_that_does_not_exist()
    {
        using var host = AutomationHost.Embedded();
        using (host.ApiClient())
        {
            // started: the database exists and is migrated
        }

        var (exitCode, output) = await CliRun.RunAsync("simulate", "no-such-flow", "--sqlite-path", Path.Combine(host.Folder, "automation.db"), "--plugins", RepoPaths.Plugins);

        Assert.Equal(1, exitCode);
        Assert.Contains("no workflow 'no-such-flow'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_elsa_writes_the_importers_draft_and_lists_what_did_not_map()
    {
        var folder = Directory.CreateTempSubdirectory("automation-elsa-").FullName;
        var export = Path.Combine(folder, "cart-follow-up.json");
        var draft = Path.Combine(folder, "draft.json");
        await File.WriteAllTextAsync(export, ElsaExports.CartFollowUp);

        var (exitCode, output) = await CliRun.RunAsync("import-elsa", export, "--out", draft);

        Assert.True(exitCode == 0, output);
        var expected = ElsaImporter.Import(JsonDocument.Parse(ElsaExports.CartFollowUp).RootElement);
        var written = WorkflowJson.Parse(await File.ReadAllTextAsync(draft));
        Assert.Equal(WorkflowJson.Write(expected.Definition), WorkflowJson.Write(written));
        Assert.Contains(written.Activities, a => a.Id == "Delay1" && a.Type == "waitForDuration");
        Assert.Contains(written.Activities, a => a.Id == "Script1" && a.Type == ElsaPlaceholder.Type);
        Assert.Equal(new LayoutPosition(-300, 120), written.Layout["Delay1"]);
        Assert.Contains("Elsa.RunJavaScript", output, StringComparison.Ordinal);
        Assert.Contains(written.Activities, a => a.Id == "FlowFork1" && a.Type == "fork");
        Assert.Contains("1 not mapped: left as placeholders", output, StringComparison.Ordinal);
    }
}
