using System.Text.Json;
using Automation.Engine.Workflows.Activities;
using Automation.Engine.Workflows.Definitions;

namespace Automation.Engine.Workflows.Import;

/// <summary>Elsa's implicit parallelism and its start, made explicit.</summary>
internal sealed partial class ElsaImport
{
    /// <summary>
    /// One port to several activities is Elsa's implicit fan-out: it runs them all. Here that is a fork (one branch per
    /// target) and, where the branches meet again, a join that waits for all of them (Elsa's implicit merge).
    /// </summary>
    private void FanOut()
    {
        foreach (var group in connections.GroupBy(c => (c.From, c.Port)).Where(g => g.Count() > 1).ToList())
        {
            var targets = group.Select(c => c.To).ToList();
            var fork = SafeId($"{group.Key.From}-fan-out");
            activities.Add(new ActivityDefinition
            {
                Id = fork,
                Type = Fork.TypeName,
                DisplayName = "Parallel",
                Settings = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["branches"] = JsonSerializer.SerializeToElement(targets) },
            });
            connections.RemoveAll(c => c.From == group.Key.From && c.Port == group.Key.Port);
            connections.Add(new ConnectionDefinition { From = group.Key.From, Port = group.Key.Port, To = fork });
            connections.AddRange(targets.Select(t => new ConnectionDefinition { From = fork, Port = t, To = t }));
            var joined = JoinWhereBranchesMeet(targets);
            changed.Add(new ElsaImportNote(group.Key.From, "connection", $"port '{group.Key.Port}' leads to {string.Join(", ", targets)} at once (Elsa's implicit fan-out): imported as fork {fork}"
                + (joined is null ? " whose branches end on their own" : $" with join {joined} where the branches meet")));
        }
    }

    /// <summary>The first step every branch reaches; unless it is a join already, a join is put before it. Returns the join, if any.</summary>
    private string? JoinWhereBranchesMeet(IReadOnlyList<string> branches)
    {
        var reach = branches.Select(Distances).ToList();
        var meet = reach[0].Keys.Where(id => reach.All(r => r.ContainsKey(id))).OrderBy(id => reach.Max(r => r[id])).FirstOrDefault();
        if (meet is null)
        {
            return null;
        }

        if (activities.First(a => a.Id == meet).Type == Join.TypeName)
        {
            return meet;
        }

        var inBranches = reach.SelectMany(r => r.Keys).ToHashSet(StringComparer.Ordinal);
        var join = SafeId($"{meet}-join");
        activities.Add(new ActivityDefinition
        {
            Id = join,
            Type = Join.TypeName,
            DisplayName = "Branches meet",
            Settings = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["mode"] = JsonSerializer.SerializeToElement(Join.All) },
        });
        for (var i = 0; i < connections.Count; i++)
        {
            if (connections[i].To == meet && inBranches.Contains(connections[i].From) && connections[i].From != meet)
            {
                connections[i] = connections[i] with { To = join };
            }
        }

        connections.Add(new ConnectionDefinition { From = join, Port = "done", To = meet });
        return join;
    }

    /// <summary>Steps reachable from a branch's first step, with how many steps away.</summary>
    private Dictionary<string, int> Distances(string from)
    {
        var distances = new Dictionary<string, int>(StringComparer.Ordinal) { [from] = 0 };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in connections.Where(c => c.From == id).Select(c => c.To))
            {
                if (distances.TryAdd(next, distances[id] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return distances;
    }

    /// <summary>
    /// Elsa's Start (or trigger) is the trigger's hand-over here: the step it leads to becomes the first step. It stays as a
    /// note step only when that cannot be (the first step is also reached by a loop, or Start leads nowhere).
    /// </summary>
    private void SettleStart()
    {
        foreach (var start in startSteps)
        {
            var outgoing = connections.Where(c => c.From == start).ToList();
            var elsaId = ids.First(i => i.Value == start).Key;
            if (outgoing.Count == 1 && connections.Count(c => c.To == outgoing[0].To) == 1)
            {
                activities.RemoveAll(a => a.Id == start);
                connections.Remove(outgoing[0]);
                layout.Remove(start);
                ids.Remove(elsaId);
                continue;
            }

            changed.Add(new ElsaImportNote(start, "Elsa.Start", outgoing.Count == 0
                ? "the start leads nowhere; kept as a note step"
                : $"kept as a note step at the start because {outgoing[0].To} is also reached from inside the workflow"));
        }

        var roots = activities.Where(a => connections.All(c => c.To != a.Id)).Select(a => a.Id).ToList();
        foreach (var orphan in roots.Skip(1))
        {
            toFinish.Add(new ElsaImportNote(orphan, activities.First(a => a.Id == orphan).Type, "nothing leads to this step and it is not the start: connect it or remove it"));
        }
    }
}
