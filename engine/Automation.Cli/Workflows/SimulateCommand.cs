using System.CommandLine;
using System.Text.Json;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Automation.Cli.Workflows;

/// <summary>
/// `automation simulate WORKFLOW`: the dry run of POST /api/workflows/{id}/simulate, by the same simulator, against the
/// engine's database: who would enter, counts per activity and port, actions, approvals and spend. Nothing is written.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var workflow = new Argument<string>("workflow") { Description = "the workflow id; its latest version (draft or published) runs unless --file is given" };
        var file = new Option<FileInfo?>("--file") { Description = "simulate this definition (JSON) instead of the stored one" };
        var days = new Option<int>("--days") { Description = "days of event history for event triggers", DefaultValueFactory = _ => 30 };
        var database = new Option<string?>("--database") { Description = "Sqlite or Postgres (default: Automation__Database or Sqlite)" };
        var sqlite = new Option<string?>("--sqlite-path") { Description = "the SQLite file (default: data/automation.db)" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string" };
        var plugins = new Option<string?>("--plugins") { Description = "plugins folder, for action costs and approvals" };
        var json = new Option<FileInfo?>("--json") { Description = "also write the report as JSON to this file" };
        var command = new Command("simulate", "Dry-run a workflow over stored customers and history; nothing is written or sent")
        {
            workflow, file, days, database, sqlite, postgres, plugins, json,
        };
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(workflow)!, result.GetValue(file), result.GetValue(days), result.GetValue(json),
            (result.GetValue(database), result.GetValue(sqlite), result.GetValue(postgres), result.GetValue(plugins)), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        string workflowId, FileInfo? file, int days, FileInfo? json, (string? Database, string? Sqlite, string? Postgres, string? Plugins) store, CancellationToken cancellationToken)
    {
        WorkflowDefinition? definition = null;
        if (file is not null)
        {
            try
            {
                definition = WorkflowJson.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken));
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{file.Name}: {ex.Message}[/]");
                return 1;
            }
        }

        using var engine = EngineOnDatabase.Build(store.Database, store.Sqlite, store.Postgres, store.Plugins);
        var simulator = engine.Services.GetRequiredService<WorkflowSimulator>();
        var report = await AnsiConsole.Status().StartAsync("Replaying stored customers…", _ => simulator.RunAsync(workflowId, definition, days, cancellationToken));
        if (report is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]no workflow '{workflowId}' in the database; pass --file to simulate an unsaved definition[/]");
            return 1;
        }

        Print(report);
        if (json is not null)
        {
            await File.WriteAllTextAsync(json.FullName, JsonSerializer.Serialize(report, WorkflowJson.Options), cancellationToken);
        }

        return 0;
    }

    private static void Print(SimulationReport report)
    {
        AnsiConsole.MarkupLineInterpolated($"{report.CustomersEntered} of {report.CustomersEvaluated} customers would enter");
        var flow = new Table().AddColumns("activity", "entered", "ports");
        foreach (var a in report.Activities)
        {
            flow.AddRow(Markup.Escape(a.ActivityId), a.Entered.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", a.Ports.Select(p => $"{p.Key} {p.Value}"))));
        }

        AnsiConsole.Write(flow);
        var actions = new Table().AddColumns("action", "count", "needing approval", "estimated cost");
        foreach (var a in report.Actions)
        {
            actions.AddRow(Markup.Escape(a.ActionType), a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), a.NeedingApproval.ToString(System.Globalization.CultureInfo.InvariantCulture), a.EstimatedCost.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(actions);
        AnsiConsole.MarkupLineInterpolated($"estimated spend {report.EstimatedSpend:0.00}");
        AnsiConsole.MarkupLineInterpolated($"{report.ApprovalsNeeded} would need approval");
    }
}
