using System.Text.Json;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Authoring;

/// <summary>What changed between two versions, in words a publisher can check before publishing.</summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<string> Describe(WorkflowDefinition? before, WorkflowDefinition after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return [$"first version: {after.Activities.Count} activities, trigger {after.Trigger?.Type} {after.Trigger?.Key}"];
        }

        var changes = new List<string>();
        if (before.Name != after.Name)
        {
            changes.Add($"renamed from '{before.Name}' to '{after.Name}'");
        }

        if (Json(before.Trigger) != Json(after.Trigger))
        {
            changes.Add($"trigger changed from {before.Trigger?.Type} {before.Trigger?.Key} to {after.Trigger?.Type} {after.Trigger?.Key}");
        }

        if (Json(before.Goal) != Json(after.Goal))
        {
            changes.Add(after.Goal is null ? "goal removed" : $"goal is now {after.Goal.Describe()}");
        }

        if (Json(before.Reentry) != Json(after.Reentry))
        {
            changes.Add($"re-entry changed from {before.Reentry.Policy} to {after.Reentry.Policy}");
        }

        var old = before.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var now = after.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        changes.AddRange(now.Keys.Except(old.Keys).Select(id => $"added {now[id].Type} '{id}'"));
        changes.AddRange(old.Keys.Except(now.Keys).Select(id => $"removed {old[id].Type} '{id}'"));
        changes.AddRange(now.Keys.Intersect(old.Keys).Where(id => Json(now[id]) != Json(old[id])).Select(id => $"changed settings of '{id}'"));
        var oldLinks = before.Connections.Select(c => $"{c.From}.{c.Port} → {c.To}").ToHashSet();
        var newLinks = after.Connections.Select(c => $"{c.From}.{c.Port} → {c.To}").ToHashSet();
        changes.AddRange(newLinks.Except(oldLinks).Select(l => $"connected {l}"));
        changes.AddRange(oldLinks.Except(newLinks).Select(l => $"disconnected {l}"));
        return changes.Count == 0 ? ["no changes to the flow"] : changes;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, WorkflowJson.Options);
}
