using System.Text.Json;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;
using Automation.Testing.Elsa;

namespace Automation.Engine.Tests.Workflows;

public sealed class ElsaImporterTests
{
    private static ElsaImportResult Imported() => ElsaImporter.Import(JsonDocument.Parse(ElsaExports.CartFollowUp).RootElement);

    [Fact]
    public void Elsa_flowchart_imports_into_activities_and_ports_of_ours()
    {
        var d = Imported().Definition;

        Assert.Equal("cart-follow-up", d.Id);
        var types = d.Activities.ToDictionary(a => a.Id, a => a.Type);
        Assert.Equal("waitForDuration", types["Delay1"]);
        Assert.Equal("condition", types["If1"]);
        Assert.Equal("action", types["SendEmail1"]);
        Assert.Equal("waitForEvent", types["Event1"]);
        Assert.Equal("waitForDuration", types["Timer1"]);
        Assert.Equal("end", types["Finish1"]);
        Assert.Equal("fork", types["FlowFork1"]);
        Assert.Equal("join", types["FlowJoin1"]);
        Assert.DoesNotContain("Start1", types.Keys); // Elsa's Start is the trigger's hand-over here
        var settings = d.Activities.ToDictionary(a => a.Id, a => a.Settings);
        Assert.Equal("PT1H", settings["Delay1"]["duration"].GetString());
        Assert.Equal("P1D", settings["Timer1"]["duration"].GetString()); // a Timer in the middle is one wait, and the report says so
        Assert.Contains(Imported().Changed, n => n is { ActivityId: "Timer1", ElsaType: "Elsa.Timer" });
        Assert.Equal("Features.HasAbandonedCart", settings["If1"]["expression"].GetString());
        Assert.Equal("email.send", settings["SendEmail1"]["action"].GetString());
        Assert.Equal("purchase", settings["Event1"]["event"].GetString());
        Assert.Equal(["Wait", "Log"], settings["FlowFork1"]["branches"].EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("all", settings["FlowJoin1"]["mode"].GetString());
        Assert.Contains(d.Connections, c => c is { From: "FlowFork1", Port: "Wait", To: "Event1" }); // a fork's ports keep Elsa's branch names
        Assert.Contains(d.Connections, c => c is { From: "FlowJoin1", Port: "done", To: "Finish1" });
        Assert.Contains(d.Connections, c => c is { From: "If1", Port: "true", To: "SendEmail1" });
        Assert.Contains(d.Connections, c => c is { From: "If1", Port: "false", To: "Timer1" });
        Assert.Contains(d.Connections, c => c is { From: "Delay1", Port: "done", To: "If1" });
        Assert.Contains(d.Connections, c => c is { From: "Event1", Port: "event", To: "FlowJoin1" }); // the flat connection shape
        Assert.Equal("Delay1", d.Start?.Id);
        Assert.Equal(new LayoutPosition(-300, 120), d.Layout["Delay1"]);
        Assert.Equal(new LayoutPosition(-100, 360), d.Layout["Timer1"]);
    }

    [Fact]
    public void Elsa_activities_without_a_counterpart_are_reported_and_left_as_placeholders_with_their_connections()
    {
        var result = Imported();
        var d = result.Definition;

        Assert.Equal([("Script1", "Elsa.RunJavaScript")], result.Unmapped.Select(u => (u.ActivityId, u.ElsaType)));
        var log = Assert.Single(d.Activities, a => a.Id == "Script1");
        Assert.Equal(ElsaPlaceholder.Type, log.Type);
        Assert.Equal("Elsa.RunJavaScript", log.Settings["elsaType"].GetString());
        Assert.Equal("reminder sent", log.Settings["elsa"].GetProperty("script").GetProperty("expression").GetProperty("value").GetString());
        Assert.Equal(new LayoutPosition(-400, 600), d.Layout["Script1"]);
        Assert.Contains(d.Connections, c => c is { From: "FlowFork1", Port: "Log", To: "Script1" });
        Assert.Contains(d.Connections, c => c is { From: "FlowFork1", Port: "Wait", To: "Event1" });
        Assert.Contains(d.Connections, c => c is { From: "Script1", Port: "Done", To: "FlowJoin1" });
        Assert.Equal(11 - 1, d.Connections.Count); // all but Start's hand-over
        Assert.Contains(result.Changed, n => n.ActivityId == "If1" && n.Reason.Contains("CSharp `Features.HasAbandonedCart` was translated into Features.HasAbandonedCart", StringComparison.Ordinal));
        Assert.Contains(result.ToFinish, n => n.ActivityId == "trigger");
        Assert.Contains(result.ToFinish, n => n is { ActivityId: "SendEmail1", ElsaType: "Elsa.SendEmail" });
    }

    [Fact]
    public void Validator_refuses_each_placeholder_until_it_is_replaced()
    {
        var imported = Imported().Definition;
        var finished = imported with
        {
            Trigger = new TriggerDefinition { Type = TriggerTypes.SegmentEntered, Segment = "cart-abandoners" },
            Activities = imported.Activities.Select(a => a.Id == "SendEmail1"
                ? a with { Settings = new Dictionary<string, JsonElement>(a.Settings) { ["input"] = JsonSerializer.SerializeToElement(new { template = "cart-reminder" }) } }
                : a).ToList(),
        };

        var problems = WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(finished));

        Assert.Equal(
            [("Script1", "unmapped Elsa activity Script1 of type Elsa.RunJavaScript: replace it before publishing")],
            problems.Select(p => (p.ActivityId, p.Message)));
    }

    [Fact]
    public void Imported_definition_with_the_placeholders_replaced_is_valid()
    {
        var imported = Imported().Definition;
        string[] placeholders = ["Script1"];

        // What a designer would do: the logging branch goes straight to the join.
        var finished = imported with
        {
            Trigger = new TriggerDefinition { Type = TriggerTypes.SegmentEntered, Segment = "cart-abandoners" },
            Activities = imported.Activities.Where(a => !placeholders.Contains(a.Id)).Select(a => a.Id == "SendEmail1"
                ? a with { Settings = new Dictionary<string, JsonElement>(a.Settings) { ["input"] = JsonSerializer.SerializeToElement(new { template = "cart-reminder" }) } }
                : a).ToList(),
            Connections = [.. imported.Connections.Where(c => !placeholders.Contains(c.From) && !placeholders.Contains(c.To)),
                new ConnectionDefinition { From = "FlowFork1", Port = "Log", To = "FlowJoin1" }],
        };

        var problems = WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(finished));

        Assert.Empty(problems);
    }
}
