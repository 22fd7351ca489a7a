using System.CommandLine;
using System.Text.Json;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;
using Spectre.Console;

namespace Automation.Cli.Workflows;

/// <summary>`automation import-elsa FILE`: an Elsa 3 flowchart export becomes a draft definition, with what did not map listed.</summary>
public static class ImportElsaCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "an Elsa 3 workflow definition export (JSON)" };
        var output = new Option<FileInfo?>("--out") { Description = "where to write the draft definition (default: next to FILE as NAME.automation.json)" };
        var command = new Command("import-elsa", "Convert an Elsa 3 flowchart export into a draft workflow definition") { file, output };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(output)));
        return command;
    }

    private static int Run(FileInfo file, FileInfo? output)
    {
        ElsaImportResult result;
        try
        {
            using var export = JsonDocument.Parse(File.ReadAllText(file.FullName));
            result = ElsaImporter.Import(export.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{file.Name}: {ex.Message}[/]");
            return 1;
        }

        var target = output ?? new FileInfo(Path.ChangeExtension(file.FullName, ".automation.json"));
        File.WriteAllText(target.FullName, WorkflowJson.Write(result.Definition));
        AnsiConsole.MarkupLineInterpolated($"{result.Definition.Activities.Count} activities and {result.Definition.Connections.Count} connections written to {target.FullName}");
        if (result.Unmapped.Count > 0)
        {
            // Left in the draft as placeholders the validator flags; listed here so nothing goes unnoticed.
            AnsiConsole.Write(Report(result.Unmapped.Select(u => (u.ActivityId, u.ElsaType, u.Reason))));
            AnsiConsole.MarkupLineInterpolated($"[yellow]{result.Unmapped.Count} not mapped: left as placeholders; replace them in the designer before publishing[/]");
        }

        if (result.Changed.Count > 0)
        {
            AnsiConsole.Write(Report(result.Changed.Select(n => (n.ActivityId, n.ElsaType, n.Reason))));
            AnsiConsole.MarkupLineInterpolated($"{result.Changed.Count} changed, translated or dropped on the way (each with the original)");
        }

        if (result.ToFinish.Count > 0)
        {
            AnsiConsole.Write(Report(result.ToFinish.Select(n => (n.ActivityId, n.ElsaType, n.Reason))));
            AnsiConsole.MarkupLineInterpolated($"{result.ToFinish.Count} to finish before publishing");
        }

        return 0;
    }

    private static Table Report(IEnumerable<(string Activity, string Type, string Why)> rows)
    {
        var table = new Table().AddColumns("Elsa activity", "type", "why");
        foreach (var (activity, type, why) in rows)
        {
            table.AddRow(Markup.Escape(activity), Markup.Escape(type), Markup.Escape(why));
        }

        return table;
    }
}
