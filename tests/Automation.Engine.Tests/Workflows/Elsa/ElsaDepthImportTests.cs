using System.Text.Json;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;

namespace Automation.Engine.Tests.Workflows.Elsa;

/// <summary>
/// What the issue found lost or changed without a word: Start, implicit fan-out, JavaScript/C#, SendEmail, Timer
/// triggers, variables, nested If; each on real exports from elsa-core's tests, or on one written from Elsa's JSON shape.
/// </summary>
public sealed class ElsaDepthImportTests
{
    private static ElsaImportResult Fixture(string name)
    {
        using var export = RealElsaExportTests.Parse(Path.Combine(RealElsaExportTests.FixtureFolder, name));
        return ElsaImporter.Import(export.RootElement);
    }

    private static ElsaImportResult Written(string json) => ElsaImporter.Import(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Start_whose_first_step_is_also_reached_by_a_loop_stays_as_the_start_and_javascript_over_variables_is_translated()
    {
        var result = Fixture("ImportAndExecute-implicit-loop.json");
        var d = result.Definition;

        Assert.Equal("Start1", d.Start?.Id); // WriteLine1 is reached again by the loop, so Start stays at the head
        Assert.Contains(d.Connections, c => c is { From: "Start1", Port: "done", To: "WriteLine1" });
        var counter = Assert.Single(d.Variables);
        Assert.Equal(("Counter", 0.0), (counter.Name, counter.Value!.Value.GetDouble()));
        var steps = d.Activities.ToDictionary(a => a.Id);
        Assert.Equal("Variables.Number(\"Counter\") > 1", steps["FlowDecision1"].Settings["expression"].GetString());
        Assert.Equal("Variables.Number(\"Counter\") + 1", steps["SetVariable1"].Settings["value"].GetString());
        Assert.Equal("Counter", steps["SetVariable1"].Settings["variable"].GetString());
        Assert.Equal("note", steps["WriteLine2"].Type);
        Assert.Contains(result.Changed, n => n.ActivityId == "FlowDecision1" && n.Reason.Contains("JavaScript `getCounter() > 1`", StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_variables_with_unusable_or_repeated_names_are_refused()
    {
        var d = Fixture("ImportAndExecute-implicit-loop.json").Definition;
        var bad = d with { Variables = [.. d.Variables, new VariableDefinition { Name = "Counter" }, new VariableDefinition { Name = "2fast" }] };

        var problems = WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(bad));

        Assert.Contains(problems, p => p.Field.StartsWith("variables", StringComparison.Ordinal) && p.Message == "two variables have the same name");
        Assert.Contains(problems, p => p.Field.StartsWith("variables", StringComparison.Ordinal) && p.Message.StartsWith("a variable's name is", StringComparison.Ordinal));
    }

    [Fact]
    public void One_port_to_several_activities_becomes_a_fork_with_a_join_where_the_branches_meet()
    {
        var result = Fixture("JoinBehaviors-fork-decision-join-converge.json");
        var d = result.Definition;
        var forks = d.Activities.Where(a => a.Type == "fork").ToList();

        Assert.NotEmpty(forks);
        Assert.All(forks, f => Assert.Contains(result.Changed, n => n.Reason.Contains($"imported as fork {f.Id}", StringComparison.Ordinal)));
        var problems = WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(d with { Trigger = new TriggerDefinition { Type = TriggerTypes.Event, Event = "purchase" } }));
        Assert.DoesNotContain(problems, p => p.Message.Contains("connected twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_export_with_fan_out_a_script_and_complete_saves_once_the_script_is_replaced()
    {
        var result = Fixture("ParentChildCompletion-child.json");
        var d = result.Definition;

        var script = Assert.Single(result.Unmapped);
        Assert.Equal("Elsa.RunJavaScript", script.ElsaType);
        Assert.Contains("return {\"prop1\":\"ceva\"}", script.Reason, StringComparison.Ordinal); // the code stays visible
        var fork = Assert.Single(d.Activities, a => a.Type == "fork");
        Assert.Contains(d.Connections, c => c.From == "a3625dd2e8405265" && c.To == fork.Id);
    }

    [Fact]
    public void Timer_trigger_becomes_the_start_with_a_line_saying_there_is_no_interval_trigger_and_a_bom_is_fine()
    {
        var result = Fixture("ImportAndPublish-timer-workflow.json");

        var step = Assert.Single(result.Definition.Activities);
        Assert.Equal("note", step.Type); // the WriteLine; the trigger is the start, not a one-off wait
        Assert.Null(result.Definition.Trigger);
        Assert.Contains(result.ToFinish, n => n.Reason.Contains("every '00:01:00'", StringComparison.Ordinal) && n.Reason.Contains("choose what starts it", StringComparison.Ordinal));
    }

    [Fact]
    public void Cron_trigger_becomes_the_schedule_trigger_in_five_fields_and_asks_for_the_segment()
    {
        var result = Fixture("ImportAndPublish-cron-every-hour.json");

        Assert.Equal("note", Assert.Single(result.Definition.Activities).Type);
        Assert.Equal("schedule", result.Definition.Trigger?.Type);
        Assert.Equal("0 * * * *", result.Definition.Trigger?.Cron); // Elsa's leading seconds field (0) dropped
        Assert.Contains(result.Changed, n => n.ElsaType == "Elsa.Cron" && n.Reason.Contains("schedule trigger", StringComparison.Ordinal));
        Assert.Contains(result.ToFinish, n => n.ActivityId == "trigger" && n.Reason.Contains("choose the segment", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_endpoint_becomes_the_inbound_webhook_trigger_with_a_secret_and_a_line_saying_how_to_call_it()
    {
        var result = Fixture("ImportAndPublish-http-workflow.json");

        Assert.Equal("webhook", result.Definition.Trigger?.Type);
        Assert.True(result.Definition.Trigger?.Secret is { Length: 32 });
        Assert.Equal("note", Assert.Single(result.Definition.Activities).Type); // the WriteLine; the endpoint is the trigger
        Assert.DoesNotContain(result.ToFinish, n => n.ActivityId == "trigger");
        Assert.Contains(result.Changed, n => n.ElsaType == "Elsa.HttpEndpoint" && n.Reason.Contains($"POST /api/webhooks/{result.Definition.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_if_switch_send_email_http_request_and_run_task_keep_what_they_hold()
    {
        var result = Written(ElsaDepthExport.Json);
        var d = result.Definition;
        var steps = d.Activities.ToDictionary(a => a.Id);

        // If with nested then/else: a condition with its branches, going on after them.
        Assert.Equal("note", steps["Then1"].Type);
        Assert.Equal("note", steps["Else1"].Type);
        Assert.Contains(d.Connections, c => c is { From: "If1", Port: "true", To: "Then1" });
        Assert.Contains(d.Connections, c => c is { From: "If1", Port: "false", To: "Else1" });
        Assert.Contains(d.Connections, c => c is { From: "Then1", Port: "done", To: "Switch1" });
        Assert.Contains(d.Connections, c => c is { From: "Else1", Port: "done", To: "Switch1" });
        Assert.Equal("Variables.Text(\"Tier\") == \"gold\"", steps["If1"].Settings["expression"].GetString());

        // FlowSwitch: cases and default.
        Assert.Equal("switch", steps["Switch1"].Type);
        var cases = steps["Switch1"].Settings["cases"].EnumerateArray().Select(c => (c.GetProperty("port").GetString(), c.GetProperty("condition").GetString())).ToList();
        Assert.Equal([("Big", "Variables.Number(\"Total\") >= 100"), ("Small", "")], cases);
        Assert.Contains(result.ToFinish, n => n.ActivityId == "Switch1" && n.Reason.Contains("JavaScript `Math.random() < 0.5`", StringComparison.Ordinal));
        Assert.Contains(d.Connections, c => c is { From: "Switch1", Port: "Big", To: "Mail1" });
        Assert.Contains(d.Connections, c => c is { From: "Switch1", Port: "default", To: "Task1" });

        // SendEmail keeps from and body; its JavaScript subject is not turned into literal text.
        var mail = steps["Mail1"].Settings["input"];
        Assert.Equal("news@shop.example", mail.GetProperty("from").GetString());
        Assert.Equal("Thanks {{name}}", mail.GetProperty("body").GetString());
        Assert.False(mail.TryGetProperty("subject", out _));
        Assert.Contains(result.ToFinish, n => n.ActivityId == "Mail1" && n.Reason.Contains("JavaScript `'Hi ' + getName()`", StringComparison.Ordinal));
        Assert.Contains(result.Changed, n => n.ActivityId == "Mail1" && n.Reason.Contains("boss@shop.example", StringComparison.Ordinal));

        // FlowSendHttpRequest → webhook action; RunTask → external task.
        Assert.Equal("webhook.send", steps["Http1"].Settings["action"].GetString());
        Assert.Equal("https://crm.example/hook", steps["Http1"].Settings["input"].GetProperty("url").GetString());
        Assert.Equal("POST", steps["Http1"].Settings["input"].GetProperty("method").GetString());
        Assert.Contains(d.Connections, c => c is { From: "Http1", Port: "done", To: "End1" });
        Assert.Contains(d.Connections, c => c is { From: "Http1", Port: "failed", To: "Fault1" });
        Assert.Equal(("externalTask", "call-customer"), (steps["Task1"].Type, steps["Task1"].Settings["task"].GetString()));
        Assert.Equal("end", steps["Fault1"].Type);
        Assert.Contains(result.Changed, n => n.ActivityId == "Fault1");
        Assert.Equal(["Tier", "Total"], d.Variables.Select(v => v.Name));
        Assert.Equal("If1", d.Start?.Id);
    }
}
