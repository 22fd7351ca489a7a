using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Engine.Expressions;
using Automation.Engine.Rules;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk;

namespace Automation.Engine.Tests.Workflows;

public sealed class WorkflowDefinitionValidatorTests
{
    private static readonly string ShippedFolder = Path.Combine(FindRoot(), "workflows");

    [Fact]
    public void Every_shipped_workflow_is_valid()
    {
        var validator = Validator();
        var files = Directory.GetFiles(ShippedFolder, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var problems = WorkflowDefinitionValidator.Problems(validator.Validate(WorkflowJson.Parse(File.ReadAllText(file))));
            Assert.True(problems.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"))}");
        }
    }

    [Fact]
    public void Email_action_without_its_template_is_reported_on_that_activity()
    {
        var definition = Shipped("high-intent-nurture.json");
        var activities = definition.Activities.Select(a => a.Id == "mail" ? a with { Settings = Without(a.Settings, "input") } : a).ToList();

        var problems = WorkflowDefinitionValidator.Problems(Validator().Validate(definition with { Activities = activities }));

        var problem = Assert.Single(problems);
        Assert.Equal("mail", problem.ActivityId);
        Assert.Equal("activities[mail].input.template", problem.Field);
        Assert.Contains("'template' is required", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_expression_unknown_port_and_dangling_connection_are_all_listed()
    {
        var definition = Shipped("high-intent-nurture.json");
        var activities = definition.Activities.Select(a => a.Id == "reachable" ? a with { Settings = With(a.Settings, "expression", "Features.NoSuchThing > 1") } : a).ToList();
        var connections = definition.Connections.Append(new ConnectionDefinition { From = "wait", Port = "later", To = "done" })
            .Append(new ConnectionDefinition { From = "mail", Port = "rejected", To = "nowhere" }).ToList();

        var problems = WorkflowDefinitionValidator.Problems(Validator().Validate(definition with { Activities = activities, Connections = connections }));

        Assert.Contains(problems, p => p.ActivityId == "reachable" && p.Field == "activities[reachable].expression");
        Assert.Contains(problems, p => p.Field.EndsWith(".port", StringComparison.Ordinal) && p.Message.Contains("no port 'later'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field.EndsWith(".to", StringComparison.Ordinal) && p.Message.Contains("nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loop_without_a_wait_is_refused()
    {
        var definition = new WorkflowDefinition
        {
            Id = "loop",
            Name = "Loop",
            Trigger = new TriggerDefinition { Type = TriggerTypes.SegmentEntered, Segment = "vip" },
            Activities =
            [
                new ActivityDefinition { Id = "start", Type = "trigger" },
                new ActivityDefinition { Id = "a", Type = "condition", Settings = With(new Dictionary<string, System.Text.Json.JsonElement>(), "expression", "Features.Purchases > 0") },
                new ActivityDefinition { Id = "b", Type = "condition", Settings = With(new Dictionary<string, System.Text.Json.JsonElement>(), "expression", "Features.Purchases > 1") },
            ],
            Connections =
            [
                new ConnectionDefinition { From = "start", Port = "done", To = "a" },
                new ConnectionDefinition { From = "a", Port = "true", To = "b" },
                new ConnectionDefinition { From = "b", Port = "true", To = "a" },
            ],
        };

        var problems = WorkflowDefinitionValidator.Problems(Validator().Validate(definition));

        Assert.Contains(problems, p => p.Message.Contains("loop that never waits", StringComparison.Ordinal));
    }

    internal static WorkflowDefinitionValidator Validator()
    {
        var catalog = new ActionCatalog();
        IAutomationPlugin[] plugins = [new Automation.Plugins.Email.EmailPlugin(), new Automation.Plugins.Retargeting.RetargetingPlugin(), new Automation.Plugins.SalesAlert.SalesAlertPlugin(), new Automation.Plugins.Webhook.WebhookPlugin()];
        foreach (var plugin in plugins)
        {
            foreach (var action in plugin.Actions)
            {
                catalog.Register(plugin.Manifest.Name, action);
            }
        }

        var expressions = new ProfileExpressionCompiler();
        var ruleSets = new RuleSetFiles(new RuleSetCompiler(expressions), Path.Combine(ShippedFolder, "rule-sets"), (file, problem) => Assert.Fail($"{file}: {problem}"));
        return new WorkflowDefinitionValidator(new ActivityRegistry(), new ValidationServices(expressions, catalog, ruleSets));
    }

    private static WorkflowDefinition Shipped(string file) => WorkflowJson.Parse(File.ReadAllText(Path.Combine(ShippedFolder, file)));

    private static Dictionary<string, System.Text.Json.JsonElement> Without(IDictionary<string, System.Text.Json.JsonElement> settings, string key) =>
        settings.Where(kv => kv.Key != key).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static Dictionary<string, System.Text.Json.JsonElement> With(IDictionary<string, System.Text.Json.JsonElement> settings, string key, string value)
    {
        var copy = settings.ToDictionary(kv => kv.Key, kv => kv.Value);
        copy[key] = System.Text.Json.JsonSerializer.SerializeToElement(value);
        return copy;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Automation.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
