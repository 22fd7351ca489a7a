using System.CommandLine;
using System.Text.Json;
using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Engine.Expressions;
using Automation.Engine.Rules;
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
        var ruleSets = new Option<DirectoryInfo?>("--rule-sets") { Description = "folder of rule set files the workflows use (default: rule-sets next to the first file)" };
        var command = new Command("validate", "Check workflow definitions: structure, expressions, ports and loops") { files, actions, ruleSets };
        command.SetAction(result => Run(result.GetValue(files)!, result.GetValue(actions) ?? [], result.GetValue(ruleSets)));
        return command;
    }

    private static int Run(FileInfo[] files, string[] extraActions, DirectoryInfo? ruleSetFolder)
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

        var table = new Table().AddColumns("file", "field", "problem");
        var failed = 0;
        var expressions = new ProfileExpressionCompiler();
        var folder = ruleSetFolder?.FullName ?? Path.Combine(files[0].DirectoryName ?? ".", "rule-sets");
        var ruleSetProblems = 0;
        var ruleSets = new RuleSetFiles(new RuleSetCompiler(expressions), folder, (file, problem) =>
        {
            ruleSetProblems++;
            table.AddRow(Markup.Escape(Path.GetFileName(file)), "", Markup.Escape(problem));
        });
        var validator = new WorkflowDefinitionValidator(new ActivityRegistry(), new ValidationServices(expressions, catalog, ruleSets));
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

        if (failed + ruleSetProblems > 0)
        {
            AnsiConsole.Write(table);
        }

        AnsiConsole.MarkupLine($"{files.Length - failed} valid, {failed} with problems");
        return failed == 0 && ruleSetProblems == 0 ? 0 : 1;
    }
}
