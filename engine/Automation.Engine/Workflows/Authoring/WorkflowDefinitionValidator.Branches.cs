using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;
using FluentValidation;

namespace Automation.Engine.Workflows.Authoring;

/// <summary>Forks and joins: every branch leads somewhere, and every join has a fork before it whose branches it waits for.</summary>
public sealed partial class WorkflowDefinitionValidator
{
    private static void CheckBranches(WorkflowDefinition d, IReadOnlyDictionary<string, IReadOnlyList<string>> ports, ValidationContext<WorkflowDefinition> context)
    {
        foreach (var fork in d.Activities.Where(a => a.Type == Fork.TypeName && ports.ContainsKey(a.Id)))
        {
            var unconnected = ports[fork.Id].Where(port => d.Connections.All(c => c.From != fork.Id || c.Port != port)).ToList();
            if (unconnected.Count > 0)
            {
                Fail(context, $"activities[{fork.Id}].branches", $"branch {string.Join(", ", unconnected.Select(p => $"'{p}'"))} leads nowhere: connect every branch or remove it", fork.Id);
            }
        }

        var afterAFork = Downstream(d, d.Activities.Where(a => a.Type == Fork.TypeName).Select(a => a.Id));
        foreach (var join in d.Activities.Where(a => a.Type == Join.TypeName && !afterAFork.Contains(a.Id)))
        {
            Fail(context, $"activities[{join.Id}]", "no fork leads to this join: a join waits for a fork's branches", join.Id);
        }
    }

    /// <summary>Every activity reachable from the given ones (not counting themselves unless a path comes back).</summary>
    private static HashSet<string> Downstream(WorkflowDefinition d, IEnumerable<string> from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(from.SelectMany(id => d.Connections.Where(c => c.From == id).Select(c => c.To)));
        while (queue.TryDequeue(out var id))
        {
            if (seen.Add(id))
            {
                foreach (var next in d.Connections.Where(c => c.From == id))
                {
                    queue.Enqueue(next.To);
                }
            }
        }

        return seen;
    }
}
