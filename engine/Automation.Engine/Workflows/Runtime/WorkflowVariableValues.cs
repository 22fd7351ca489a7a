using System.Text.Json;
using Automation.Engine.Expressions;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>An instance's variables: the definition's starting values, then what the instance stored.</summary>
public static class WorkflowVariableValues
{
    public static WorkflowVariables Load(WorkflowDefinition definition, string? storedJson)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var variables = new WorkflowVariables(storedJson);
        foreach (var declared in definition.Variables.Where(v => !variables.Has(v.Name) && v.Value is { ValueKind: not JsonValueKind.Null }))
        {
            variables.Set(declared.Name, declared.Value!.Value);
        }

        return variables;
    }
}
