using System.Text.Json;
using Automation.Engine.Workflows.Import;

namespace Automation.Engine.Tests.Workflows.Branches;

/// <summary>Elsa 3 forks and joins as its designer exports them: FlowFork's branches are its outcomes, FlowJoin's mode is WaitAll or WaitAny.</summary>
public sealed class ElsaForkImportTests
{
    [Fact]
    public void Flow_fork_without_a_branch_list_takes_its_branches_from_its_connections_and_wait_any_becomes_any()
    {
        var result = Import("""
            { "id": "FlowFork1", "type": "Elsa.FlowFork", "version": 1, "branches": null },
            { "id": "Mail", "type": "Elsa.SendEmail", "version": 1 },
            { "id": "Alert", "type": "Elsa.Event", "version": 1, "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "sales_reply" } } },
            { "id": "FlowJoin1", "type": "Elsa.FlowJoin", "version": 1,
              "mode": { "typeName": "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core", "expression": { "type": "Literal", "value": "WaitAny" } } }
            """, """
            { "source": { "activity": "FlowFork1", "port": "Branch 1" }, "target": { "activity": "Mail", "port": "In" } },
            { "source": { "activity": "FlowFork1", "port": "Branch 2" }, "target": { "activity": "Alert", "port": "In" } },
            { "source": { "activity": "Mail", "port": "Done" }, "target": { "activity": "FlowJoin1", "port": "In" } },
            { "source": { "activity": "Alert", "port": "Done" }, "target": { "activity": "FlowJoin1", "port": "In" } }
            """);

        var fork = Assert.Single(result.Definition.Activities, a => a.Id == "FlowFork1");
        Assert.Equal(["Branch 1", "Branch 2"], fork.Settings["branches"].EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("any", Assert.Single(result.Definition.Activities, a => a.Id == "FlowJoin1").Settings["mode"].GetString());
        Assert.Contains(result.Definition.Connections, c => c is { From: "FlowFork1", Port: "Branch 2", To: "Alert" });
        Assert.Empty(result.Unmapped);
    }

    [Fact]
    public void Join_mode_given_as_elsa_enum_number_or_left_out_maps_to_any_or_all()
    {
        var result = Import("""
            { "id": "J1", "type": "Elsa.FlowJoin", "mode": 1 },
            { "id": "J2", "type": "Elsa.FlowJoin" },
            { "id": "J3", "type": "Elsa.Join", "joinMode": "WaitAll" }
            """, "");

        Assert.Equal(["any", "all", "all"], result.Definition.Activities.Select(a => a.Settings["mode"].GetString()));
    }

    [Fact]
    public void Fork_holding_its_branches_as_nested_activities_is_reported_and_kept_as_a_placeholder()
    {
        var result = Import("""
            { "id": "Fork1", "type": "Elsa.Fork", "joinMode": "WaitAll",
              "branches": [ { "id": "W1", "type": "Elsa.WriteLine" }, { "id": "W2", "type": "Elsa.WriteLine" } ] }
            """, "");

        var unmapped = Assert.Single(result.Unmapped);
        Assert.Equal(("Fork1", "Elsa.Fork"), (unmapped.ActivityId, unmapped.ElsaType));
        Assert.Contains("nested activities", unmapped.Reason, StringComparison.Ordinal);
        Assert.Equal(ElsaPlaceholder.Type, Assert.Single(result.Definition.Activities).Type);
    }

    private static ElsaImportResult Import(string activities, string connections) => ElsaImporter.Import(JsonDocument.Parse($$"""
        { "definitionId": "Fork test", "name": "Fork test",
          "root": { "type": "Elsa.Flowchart", "id": "Flowchart1", "activities": [ {{activities}} ], "connections": [ {{connections}} ] } }
        """).RootElement);
}
