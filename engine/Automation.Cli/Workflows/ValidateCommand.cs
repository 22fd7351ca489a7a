using System.CommandLine;
using System.Text.Json;
using Automation.Engine.Dispatch;
using Automation.Engine.Expressions;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Spectre.Console;

namespace Automation.Cli.Workflows;

/// <summary>`automation validate FILE...`: checks workflow definitions before they are shipped or imported.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "workflow definition JSON files", Arity = ArgumentArity.OneOrMore };
        var actions = new Option<string[]>("--action") { Description = "action types to accept besides email.send (e.g. sales.alert)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("validate", "Check workflow definitions: structure, expressions, ports and loops") { files, actions };
        command.SetAction(result => Run(result.GetValue(files)!, result.GetValue(actions) ?? []));
        return command;
    }

    private static int Run(FileInfo[] files, string[] extraActions)
    {
        var catalog = new ActionCatalog();
        foreach (var type in extraActions.Append("email.send").Distinct(StringComparer.Ordinal))
        {
            // Offline, only the action type is known, not its plugin's schema: any input object is accepted.
            catalog.Register("cli", new Plugins.Sdk.ActionDescriptor
            {
                Type = type,
                DisplayName = type,
                Channel = type.Split('.')[0],
                InputSchema = """{ "type": "object" }""",
                HandlerType = typeof(Plugins.Sdk.ActionHandler),
            });
        }

        var validator = new WorkflowDefinitionValidator(new ActivityRegistry(), new ValidationServices(new ProfileExpressionCompiler(), catalog));
        var table = new Table().AddColumns("file", "field", "problem");
        var failed = 0;
        foreach (var file in files)
        {
            IReadOnlyList<DefinitionProblem> problems;
            try
            {
                problems = WorkflowDefinitionValidator.Problems(validator.Validate(WorkflowJson.Parse(File.ReadAllText(file.FullName))));
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                problems = [new DefinitionProblem("", ex.Message)];
            }

            failed += problems.Count > 0 ? 1 : 0;
            foreach (var p in problems)
            {
                table.AddRow(Markup.Escape(file.Name), Markup.Escape(p.Field), Markup.Escape(p.Message));
            }
        }

        if (failed > 0)
        {
            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine($"{files.Length - failed} valid, {failed} with problems");
        return failed == 0 ? 0 : 1;
    }
}
