namespace Automation.Testing.Elsa;

/// <summary>
/// Elsa 3 workflow definition exports as Elsa Studio writes them: the definition's envelope, a root Elsa.Flowchart,
/// activities with typed inputs ({ typeName, expression: { type, value } }) and designer positions, and connections
/// in both shapes Elsa 3 has used (source/target objects with activity and port; flat source, sourcePort).
/// </summary>
public static class ElsaExports
{
    /// <summary>A cart follow-up: every mapped type, a FlowFork/FlowJoin (WaitAll), and a RunJavaScript that has no counterpart here.</summary>
    public const string CartFollowUp = """
        {
          "id": "5b0f9a0e7c7c4a51", "definitionId": "Cart Follow-up", "name": "Cart follow-up", "version": 4,
          "variables": [], "inputs": [], "outputs": [], "outcomes": [], "metadata": {}, "isLatest": true, "isPublished": true,
          "root": {
            "type": "Elsa.Flowchart", "version": 1, "id": "Flowchart1", "metadata": {}, "applicationProperties": {}, "start": "Start1",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -300, "y": 0 } } } },
              { "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "01:00:00" }, "memoryReference": { "id": "Delay1:input-1" } },
                "id": "Delay1", "type": "Elsa.Delay", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -300, "y": 120 } } } },
              { "condition": { "typeName": "Boolean", "expression": { "type": "CSharp", "value": "Features.HasAbandonedCart" } },
                "id": "If1", "type": "Elsa.If", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -300, "y": 240 } } } },
              { "subject": { "typeName": "String", "expression": { "type": "Literal", "value": "You left something behind" } },
                "id": "SendEmail1", "type": "Elsa.SendEmail", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -500, "y": 360 } } } },
              { "branches": { "typeName": "String[]", "expression": { "type": "Literal", "value": "[\"Wait\",\"Log\"]" } },
                "id": "FlowFork1", "type": "Elsa.FlowFork", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -500, "y": 480 } } } },
              { "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "purchase" } },
                "id": "Event1", "type": "Elsa.Event", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -600, "y": 600 } } } },
              { "script": { "typeName": "String", "expression": { "type": "Literal", "value": "reminder sent" } },
                "id": "Script1", "type": "Elsa.RunJavaScript", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -400, "y": 600 } } } },
              { "mode": { "typeName": "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core", "expression": { "type": "Literal", "value": "WaitAll" } },
                "id": "FlowJoin1", "type": "Elsa.FlowJoin", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -500, "y": 720 } } } },
              { "interval": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "1.00:00:00" } },
                "id": "Timer1", "type": "Elsa.Timer", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -100, "y": 360 } } } },
              { "id": "Finish1", "type": "Elsa.Finish", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -300, "y": 840 } } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "Delay1", "port": "In" } },
              { "source": { "activity": "Delay1", "port": "Done" }, "target": { "activity": "If1", "port": "In" } },
              { "source": { "activity": "If1", "port": "True" }, "target": { "activity": "SendEmail1", "port": "In" } },
              { "source": { "activity": "If1", "port": "False" }, "target": { "activity": "Timer1", "port": "In" } },
              { "source": { "activity": "SendEmail1", "port": "Done" }, "target": { "activity": "FlowFork1", "port": "In" } },
              { "source": { "activity": "FlowFork1", "port": "Wait" }, "target": { "activity": "Event1", "port": "In" } },
              { "source": { "activity": "FlowFork1", "port": "Log" }, "target": { "activity": "Script1", "port": "In" } },
              { "source": "Event1", "target": "FlowJoin1", "sourcePort": "Done", "targetPort": "In" },
              { "source": "Script1", "target": "FlowJoin1", "sourcePort": "Done", "targetPort": "In" },
              { "source": { "activity": "FlowJoin1", "port": "Done" }, "target": { "activity": "Finish1", "port": "In" } },
              { "source": { "activity": "Timer1", "port": "Done" }, "target": { "activity": "Finish1", "port": "In" } }
            ]
          }
        }
        """;

    /// <summary>
    /// A parallel follow-up as Elsa 3 Studio exports it: a FlowFork whose branches are its outcomes, each branch
    /// waiting for a different event, meeting at a FlowJoin in WaitAll mode before the Finish.
    /// </summary>
    public const string ParallelFollowUp = """
        {
          "id": "8d2c41f07ab94e12", "definitionId": "Parallel Follow-up", "name": "Parallel follow-up", "version": 1,
          "variables": [], "inputs": [], "outputs": [], "outcomes": [], "metadata": {}, "isLatest": true, "isPublished": true,
          "root": {
            "type": "Elsa.Flowchart", "version": 1, "id": "Flowchart1", "metadata": {}, "applicationProperties": {}, "start": "Start1",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "branches": { "typeName": "System.Collections.Generic.ICollection`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib",
                              "expression": { "type": "Object", "value": "[\"Mail\",\"Sales\"]" } },
                "id": "FlowFork1", "type": "Elsa.FlowFork", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": 0, "y": 120 } } } },
              { "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "fork_open" } },
                "id": "OpenEvent", "type": "Elsa.Event", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": -150, "y": 240 } } } },
              { "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "fork_reply" } },
                "id": "ReplyEvent", "type": "Elsa.Event", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": 150, "y": 240 } } } },
              { "mode": { "typeName": "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core", "expression": { "type": "Literal", "value": "WaitAll" } },
                "id": "FlowJoin1", "type": "Elsa.FlowJoin", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": 0, "y": 360 } } } },
              { "id": "Finish1", "type": "Elsa.Finish", "version": 1, "canStartWorkflow": false, "runAsynchronously": false, "customProperties": {},
                "metadata": { "designer": { "position": { "x": 0, "y": 480 } } } }
            ],
            "connections": [
              { "source": { "activity": "Start1", "port": "Done" }, "target": { "activity": "FlowFork1", "port": "In" } },
              { "source": { "activity": "FlowFork1", "port": "Mail" }, "target": { "activity": "OpenEvent", "port": "In" } },
              { "source": { "activity": "FlowFork1", "port": "Sales" }, "target": { "activity": "ReplyEvent", "port": "In" } },
              { "source": { "activity": "OpenEvent", "port": "Done" }, "target": { "activity": "FlowJoin1", "port": "In" } },
              { "source": { "activity": "ReplyEvent", "port": "Done" }, "target": { "activity": "FlowJoin1", "port": "In" } },
              { "source": { "activity": "FlowJoin1", "port": "Done" }, "target": { "activity": "Finish1", "port": "In" } }
            ]
          }
        }
        """;
}
