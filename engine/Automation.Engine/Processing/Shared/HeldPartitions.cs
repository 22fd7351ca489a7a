using Automation.Engine.Cluster;
using Automation.Storage;

namespace Automation.Engine.Processing.Shared;

/// <summary>The partitions a shared batch holds, and how it waits for another partition's batch when it must touch one of its customers.</summary>
internal sealed class HeldPartitions(IPartitionOwnership ownership, CustomerPartitions partitions, IReadOnlyList<int> held)
{
    private readonly HashSet<int> all = [.. held];

    public bool Holds(string customerId) => all.Contains(partitions.Of(customerId));

    /// <summary>
    /// An identity link can hand the batch a customer of another partition (an event sent under an anonymous id linked
    /// to them): the batch waits for that partition's batch in progress, and holds it off until it commits.
    /// </summary>
    public async Task HoldAlsoAsync(AutomationDbContext db, IEnumerable<string> customerIds, CancellationToken cancellationToken)
    {
        var more = customerIds.Select(partitions.Of).Where(p => !all.Contains(p)).Distinct().Order().ToList();
        if (more.Count == 0)
        {
            return;
        }

        await ownership.HoldAlsoAsync(db, more, cancellationToken);
        all.UnionWith(more);
    }
}
