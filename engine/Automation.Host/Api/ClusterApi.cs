using Automation.Engine.Cluster;
using Automation.Engine.Processing;
using Automation.Host.Access;

namespace Automation.Host.Api;

/// <summary>The cluster as operators see it: processes, the partitions each owns, and each partition's lag.</summary>
public static class ClusterApi
{
    public static void MapClusterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cluster", ReadAsync).RequireAuthorization(Policies.Report).WithTags("Operations")
            .WithSummary("The live engine processes, the partitions each owns, the jobs each runs, and each partition's backlog")
            .Produces<ClusterView>();
    }

    private static async Task<IResult> ReadAsync(IPartitionOwnership ownership, IPartitionBacklogs backlogs, CustomerPartitions partitions, TimeProvider clock, CancellationToken ct)
    {
        var processes = await ownership.ProcessesAsync(ct);
        var waiting = (await backlogs.WaitingAsync(ct)).ToDictionary(b => b.Partition);
        var owners = processes.SelectMany(p => p.Partitions.Select(partition => (partition, p.Name))).ToDictionary(o => o.partition, o => o.Name);
        var now = clock.GetUtcNow().UtcDateTime;
        var views = Enumerable.Range(0, partitions.Count).Select(p =>
        {
            var backlog = waiting.GetValueOrDefault(p);
            var lag = backlog?.OldestReceivedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
            return new PartitionView(p, owners.GetValueOrDefault(p), backlog?.Waiting ?? 0, Math.Round(lag, 1));
        }).ToList();
        return TypedResults.Ok(new ClusterView(
            partitions.Count,
            [.. processes.Select(p => new ClusterProcessView(p.Name, p.IsThis, p.Partitions, [.. p.Jobs.Select(j => j.ToString())], p.Partitions.Sum(x => waiting.GetValueOrDefault(x)?.Waiting ?? 0)))],
            views));
    }
}
