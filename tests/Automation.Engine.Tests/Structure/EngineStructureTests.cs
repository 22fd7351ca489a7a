namespace Automation.Engine.Tests.Structure;

/// <summary>
/// The engine's shape, kept: storage strategy chosen only at composition, a processor a newcomer reads in one
/// sitting, and feature folders whose dependencies point one way along the data flow.
/// </summary>
public sealed class EngineStructureTests
{
    [Fact]
    public void NoEngineCodeAsksWhichDatabaseItRunsOn()
    {
        var asking = EngineSource.Files().Where(f => EngineSource.Read(f).Contains("IsPostgres", StringComparison.Ordinal)).ToList();

        Assert.Empty(asking);
    }

    [Fact]
    public void TheEventProcessorReadsInOneSitting()
    {
        var lines = EngineSource.Read("Processing/EventProcessor.cs").Split('\n').Length;

        Assert.True(lines < 250, $"Processing/EventProcessor.cs has {lines} lines; the pipeline should stay under 250");
    }

    [Fact]
    public void FeatureFoldersDependOnEachOtherWithoutACycle()
    {
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var evidence = new Dictionary<(string, string), string>();
        foreach (var file in EngineSource.Files())
        {
            if (EngineSource.FolderOf(file) is not { } from)
            {
                continue;
            }

            foreach (var to in EngineSource.UsedFolders(EngineSource.Read(file)).Where(to => to != from))
            {
                (edges.TryGetValue(from, out var targets) ? targets : edges[from] = new SortedSet<string>(StringComparer.Ordinal)).Add(to);
                evidence.TryAdd((from, to), file);
            }
        }

        var cycle = FolderGraph.FindCycle(edges);

        Assert.True(cycle is null, cycle is null ? "" : "feature folders depend on each other in a cycle: "
            + string.Join(" -> ", cycle) + " (" + string.Join(", ", cycle.Zip(cycle.Skip(1)).Select(e => evidence[(e.First, e.Second)])) + ")");
    }
}
