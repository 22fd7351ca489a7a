using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Tests.Workflows.Branches;

/// <summary>Small flowcharts with parallel branches, written as a designer would save them.</summary>
internal static class ForkJoinDefinitions
{
    /// <summary>Fork into "left" (waits for an email open) and "right" (waits for an ad click, or ends at once when <paramref name="rightEnds"/>); the join goes on to a one-day wait.</summary>
    public static WorkflowDefinition TwoWaits(string mode, bool rightEnds = false) => WorkflowJson.Parse($$"""
        {
          "id": "parallel", "name": "Parallel", "trigger": { "type": "segment.entered", "segment": "vip" },
          "activities": [
            { "id": "start", "type": "trigger" },
            { "id": "fork", "type": "fork", "branches": ["left", "right"] },
            { "id": "open", "type": "waitForEvent", "event": "email_open", "timeout": "P7D" },
            {{(rightEnds ? """{ "id": "stop", "type": "end" }""" : """{ "id": "click", "type": "waitForEvent", "event": "ad_click", "timeout": "P7D" }""")}},
            { "id": "join", "type": "join", "mode": "{{mode}}" },
            { "id": "after", "type": "waitForDuration", "duration": "P1D" }
          ],
          "connections": [
            { "from": "start", "port": "done", "to": "fork" },
            { "from": "fork", "port": "left", "to": "open" },
            { "from": "fork", "port": "right", "to": "{{(rightEnds ? "stop" : "click")}}" },
            { "from": "open", "port": "event", "to": "join" },
            { "from": "open", "port": "timeout", "to": "join" },
            {{(rightEnds ? "" : """{ "from": "click", "port": "event", "to": "join" }, { "from": "click", "port": "timeout", "to": "join" },""")}}
            { "from": "join", "port": "done", "to": "after" }
          ]
        }
        """);

    /// <summary>An outer fork whose "a" branch forks again (x waits for an open, y for a click) and meets at an inner join; "b" goes straight to the outer join.</summary>
    public static WorkflowDefinition Nested() => WorkflowJson.Parse("""
        {
          "id": "nested", "name": "Nested", "trigger": { "type": "segment.entered", "segment": "vip" },
          "activities": [
            { "id": "start", "type": "trigger" },
            { "id": "outer", "type": "fork", "branches": ["a", "b"] },
            { "id": "inner", "type": "fork", "branches": ["x", "y"] },
            { "id": "open", "type": "waitForEvent", "event": "email_open", "timeout": "P7D" },
            { "id": "click", "type": "waitForEvent", "event": "ad_click", "timeout": "P7D" },
            { "id": "innerJoin", "type": "join", "mode": "all" },
            { "id": "outerJoin", "type": "join", "mode": "all" },
            { "id": "after", "type": "waitForDuration", "duration": "P1D" }
          ],
          "connections": [
            { "from": "start", "port": "done", "to": "outer" },
            { "from": "outer", "port": "a", "to": "inner" },
            { "from": "outer", "port": "b", "to": "outerJoin" },
            { "from": "inner", "port": "x", "to": "open" },
            { "from": "inner", "port": "y", "to": "click" },
            { "from": "open", "port": "event", "to": "innerJoin" },
            { "from": "click", "port": "event", "to": "innerJoin" },
            { "from": "innerJoin", "port": "done", "to": "outerJoin" },
            { "from": "outerJoin", "port": "done", "to": "after" }
          ]
        }
        """);
}
