using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Tests.Workflows.Branches;

public sealed class ForkJoinValidationTests
{
    [Fact]
    public void Forks_and_joins_drawn_as_intended_are_valid()
    {
        Assert.Empty(Problems(ForkJoinDefinitions.TwoWaits("all")));
        Assert.Empty(Problems(ForkJoinDefinitions.Nested()));
    }

    [Fact]
    public void Unconnected_branch_single_branch_bad_mode_and_join_without_fork_are_each_tied_to_their_activity()
    {
        var d = ForkJoinDefinitions.TwoWaits("sometimes");
        d = d with
        {
            Activities = [.. d.Activities, Activity("solo", "fork", """{ "branches": ["only"] }"""), Activity("lonely", "join", "{}")],
            Connections = [.. d.Connections.Where(c => !(c.From == "fork" && c.Port == "right")),
                new ConnectionDefinition { From = "after", Port = "done", To = "solo" },
                new ConnectionDefinition { From = "solo", Port = "only", To = "lonelyStart" }],
        };
        d = d with { Activities = [.. d.Activities, Activity("lonelyStart", "end", "{}")] };

        var problems = Problems(d);

        Assert.Contains(problems, p => p.ActivityId == "fork" && p.Field == "activities[fork].branches" && p.Message.Contains("'right' leads nowhere", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ActivityId == "solo" && p.Message == "a fork needs at least two branches");
        Assert.Contains(problems, p => p.ActivityId == "join" && p.Field == "activities[join].mode");
        Assert.Contains(problems, p => p.ActivityId == "lonely" && p.Message.Contains("no fork leads to this join", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loop_through_a_fork_and_its_join_without_a_wait_is_still_refused()
    {
        var d = WorkflowJson.Parse("""
            {
              "id": "spin", "name": "Spin", "trigger": { "type": "segment.entered", "segment": "vip" },
              "activities": [
                { "id": "start", "type": "trigger" },
                { "id": "fork", "type": "fork", "branches": ["left", "right"] },
                { "id": "open", "type": "waitForEvent", "event": "email_open", "timeout": "P7D" },
                { "id": "join", "type": "join", "mode": "any" }
              ],
              "connections": [
                { "from": "start", "port": "done", "to": "fork" },
                { "from": "fork", "port": "left", "to": "open" },
                { "from": "fork", "port": "right", "to": "join" },
                { "from": "open", "port": "event", "to": "join" },
                { "from": "join", "port": "done", "to": "fork" }
              ]
            }
            """);

        Assert.Contains(Problems(d), p => p.Message.Contains("loop that never waits", StringComparison.Ordinal));
    }

    private static IReadOnlyList<DefinitionProblem> Problems(WorkflowDefinition d) =>
        WorkflowDefinitionValidator.Problems(WorkflowDefinitionValidatorTests.Validator().Validate(d));

    private static ActivityDefinition Activity(string id, string type, string settings) =>
        WorkflowJson.Parse($$"""{ "activities": [ { "id": "{{id}}", "type": "{{type}}", "settings": 0 } ] }""").Activities[0] with
        {
            Settings = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(settings)!,
        };
}
