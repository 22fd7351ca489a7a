namespace Automation.Engine.Tests.Workflows.Elsa;

/// <summary>
/// An Elsa 3 export written from Elsa's published JSON shape (flat 3.0 connections) with what elsa-core's own test
/// fixtures lack: an If with nested then/else, a FlowSwitch, SendEmail, FlowSendHttpRequest, RunTask and Fault.
/// </summary>
internal static class ElsaDepthExport
{
    public const string Json = """
        {
          "definitionId": "depth", "name": "Depth", "version": 1,
          "variables": [
            { "id": "v1", "name": "Tier", "typeName": "String", "value": "silver" },
            { "id": "v2", "name": "Total", "typeName": "Double", "value": "0" }
          ],
          "root": {
            "type": "Elsa.Flowchart", "id": "Flowchart1",
            "activities": [
              { "id": "Start1", "type": "Elsa.Start" },
              { "id": "If1", "type": "Elsa.If",
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "getTier() === 'gold'" } },
                "then": { "id": "Then1", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "gold" } } },
                "else": { "id": "Else1", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "not gold" } } } },
              { "id": "Switch1", "type": "Elsa.FlowSwitch",
                "cases": [
                  { "label": "Big", "condition": { "type": "CSharp", "value": "Variables.Total >= 100" } },
                  { "label": "Small", "condition": { "type": "JavaScript", "value": "Math.random() < 0.5" } }
                ] },
              { "id": "Mail1", "type": "Elsa.SendEmail",
                "from": { "typeName": "String", "expression": { "type": "Literal", "value": "news@shop.example" } },
                "to": { "typeName": "String[]", "expression": { "type": "Literal", "value": "boss@shop.example" } },
                "subject": { "typeName": "String", "expression": { "type": "JavaScript", "value": "'Hi ' + getName()" } },
                "body": { "typeName": "String", "expression": { "type": "Literal", "value": "Thanks {{name}}" } } },
              { "id": "Http1", "type": "Elsa.FlowSendHttpRequest",
                "url": { "typeName": "Uri", "expression": { "type": "Literal", "value": "https://crm.example/hook" } },
                "method": { "typeName": "String", "expression": { "type": "Literal", "value": "POST" } },
                "expectedStatusCodes": { "typeName": "List<Int32>", "expression": { "type": "Literal", "value": "[200]" } } },
              { "id": "Task1", "type": "Elsa.RunTask", "taskName": { "typeName": "String", "expression": { "type": "Literal", "value": "call-customer" } } },
              { "id": "Fault1", "type": "Elsa.Fault", "code": { "typeName": "String", "expression": { "type": "Literal", "value": "E1" } } },
              { "id": "End1", "type": "Elsa.End" }
            ],
            "connections": [
              { "source": "Start1", "target": "If1", "sourcePort": "Done", "targetPort": "In" },
              { "source": "If1", "target": "Switch1", "sourcePort": "Done", "targetPort": "In" },
              { "source": "Switch1", "target": "Mail1", "sourcePort": "Big", "targetPort": "In" },
              { "source": "Switch1", "target": "Http1", "sourcePort": "Small", "targetPort": "In" },
              { "source": "Switch1", "target": "Task1", "sourcePort": "Default", "targetPort": "In" },
              { "source": "Http1", "target": "End1", "sourcePort": "200", "targetPort": "In" },
              { "source": "Http1", "target": "Fault1", "sourcePort": "Unmatched status code", "targetPort": "In" },
              { "source": "Mail1", "target": "End1", "sourcePort": "Done", "targetPort": "In" },
              { "source": "Task1", "target": "End1", "sourcePort": "Done", "targetPort": "In" }
            ]
          }
        }
        """;
}
