namespace Automation.Engine.Cluster;

/// <summary>
/// How many partitions each live process should own: an equal share, the remainder going one each to the processes
/// that come first in an order every process sees alike (their member keys, ascending).
/// </summary>
public static class FairShare
{
    public static int Of(int partitions, IReadOnlyCollection<int> members, int member)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            return partitions;
        }

        var rank = members.Order().TakeWhile(m => m != member).Count();
        return (partitions / members.Count) + (rank < partitions % members.Count ? 1 : 0);
    }
}
