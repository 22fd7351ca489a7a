using System.Text.Json;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;

namespace Automation.Engine.Tests.Workflows;

public sealed class ElsaImporterTests
{
    private const string Export = """
        {
          "definitionId": "Cart Nudge", "name": "Cart nudge", "version": 3,
          "root": {
            "type": "Elsa.Flowchart", "id": "flow",
            "activities": [
              { "id": "start1", "type": "Elsa.Start", "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "id": "delay1", "type": "Elsa.Delay", "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "01:00:00" } }, "metadata": { "designer": { "position": { "x": 10, "y": 120 } } } },
              { "id": "if1", "type": "Elsa.If", "condition": { "typeName": "Boolean", "expression": { "type": "CSharp", "value": "Features.HasAbandonedCart" } } },
              { "id": "log1", "type": "Elsa.WriteLine", "text": { "expression": { "type": "Literal", "value": "hi" } } },
              { "id": "mail1", "type": "Elsa.SendEmail", "subject": { "expression": { "type": "Literal", "value": "Your cart" } } },
              { "id": "end1", "type": "Elsa.End" }
            ],
            "connections": [
              { "source": { "activity": "start1", "port": "Done" }, "target": { "activity": "delay1", "port": "In" } },
              { "source": { "activity": "delay1", "port": "Done" }, "target": { "activity": "if1", "port": "In" } },
              { "source": { "activity": "if1", "port": "True" }, "target": { "activity": "mail1", "port": "In" } },
              { "source": { "activity": "if1", "port": "False" }, "target": { "activity": "log1", "port": "In" } },
              { "source": { "activity": "mail1", "port": "Done" }, "target": { "activity": "end1", "port": "In" } }
            ]
          }
        }
        """;

    [Fact]
    public void Elsa_flowchart_imports_into_activities_and_ports_of_ours()
    {
        var result = ElsaImporter.Import(JsonDocument.Parse(Export).RootElement);
        var d = result.Definition;

        Assert.Equal("cart-nudge", d.Id);
        Assert.Equal(["delay1", "if1", "mail1", "end1"], d.Activities.Select(a => a.Id));
        Assert.Equal(["waitForDuration", "condition", "action", "end"], d.Activities.Select(a => a.Type));
        Assert.Equal("PT1H", d.Activities[0].Settings["duration"].GetString());
        Assert.Equal("Features.HasAbandonedCart", d.Activities[1].Settings["expression"].GetString());
        Assert.Equal("email.send", d.Activities[2].Settings["action"].GetString());
        Assert.Contains(d.Connections, c => c is { From: "if1", Port: "true", To: "mail1" });
        Assert.Contains(d.Connections, c => c is { From: "delay1", Port: "done", To: "if1" });
        Assert.Equal("delay1", d.Start?.Id);
        Assert.Equal(new LayoutPosition(10, 120), d.Layout["delay1"]);
    }

    [Fact]
    public void Elsa_activities_without_a_counterpart_are_reported_not_dropped_silently()
    {
        var result = ElsaImporter.Import(JsonDocument.Parse(Export).RootElement);

        Assert.Contains(result.Unmapped, u => u is { ActivityId: "log1", ElsaType: "Elsa.WriteLine" });
        Assert.Contains(result.Unmapped, u => u.ElsaType == "connection" && u.Reason.Contains("log1", StringComparison.Ordinal));
        Assert.Contains(result.Unmapped, u => u.ActivityId == "trigger");
    }

    [Fact]
    public void Imported_definition_needs_only_a_trigger_and_a_template_to_be_valid()
    {
        var imported = ElsaImporter.Import(JsonDocument.Parse(Export).RootElement).Definition;
        var finished = imported with
        {
            Trigger = new TriggerDefinition { Type = TriggerTypes.SegmentEntered, Segment = "cart-abandoners" },
            Activities = imported.Activities.Select(a => a.Id == "mail1"
                ? a with { Settings = new Dictionary<string, JsonElement>(a.Settings) { ["input"] = JsonSerializer.SerializeToElement(new { template = "cart-reminder" }) } }
                : a).ToList(),
        };

        var problems = WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(finished));

        Assert.Empty(problems);
    }
}
