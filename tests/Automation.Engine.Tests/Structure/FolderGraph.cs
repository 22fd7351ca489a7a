namespace Automation.Engine.Tests.Structure;

internal static class FolderGraph
{
    /// <summary>One cycle of the directed graph as a path that starts and ends at the same folder, or null when there is none.</summary>
    public static List<string>? FindCycle(IReadOnlyDictionary<string, SortedSet<string>> edges)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the current path; true: finished
        var path = new List<string>();
        foreach (var start in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start, edges, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static List<string>? Visit(string node, IReadOnlyDictionary<string, SortedSet<string>> edges, Dictionary<string, bool> state, List<string> path)
    {
        if (state.TryGetValue(node, out var finished))
        {
            return finished ? null : [.. path[path.IndexOf(node)..], node];
        }

        state[node] = false;
        path.Add(node);
        foreach (var next in edges.TryGetValue(node, out var targets) ? targets : [])
        {
            if (Visit(next, edges, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[node] = true;
        return null;
    }
}
