using Automation.Engine.Cluster;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Cluster;

public sealed class PartitionOwnershipTests
{
    private static CustomerPartitions Partitions(int count = 64) =>
        new(Options.Create(new AutomationOptions { Cluster = new ClusterOptions { Partitions = count } }));

    [Fact]
    public async Task The_embedded_default_is_one_process_owning_every_partition_and_running_every_job()
    {
        var ownership = new SingleProcessOwnership(Partitions());
        await ownership.RebalanceAsync(CancellationToken.None);

        var process = Assert.Single(await ownership.ProcessesAsync(CancellationToken.None));
        Assert.True(process.IsThis);
        Assert.Equal(Enumerable.Range(0, 64), process.Partitions);
        Assert.Equal(Enumerable.Range(0, 64), await ownership.HoldForBatchAsync(null!, CancellationToken.None));
        foreach (var job in Enum.GetValues<ClusterJob>())
        {
            Assert.True(await ownership.LeadsAsync(job, CancellationToken.None), $"{job} does not run on the embedded default");
        }
    }

    [Fact]
    public void A_customer_hashes_to_the_same_partition_in_every_process_and_run()
    {
        // FNV-1a reference values: a hash that changed between runs or processes would move customers between owners.
        Assert.Equal(0x811C9DC5u, CustomerPartitions.Hash(""));
        Assert.Equal(0xE40C292Cu, CustomerPartitions.Hash("a"));
        Assert.Equal(0xBF9CF968u, CustomerPartitions.Hash("foobar"));
        Assert.Equal((int)(0xBF9CF968u % 64), Partitions().Of("foobar"));
    }

    [Fact]
    public void Customers_spread_over_every_partition()
    {
        var partitions = Partitions();
        var counts = Enumerable.Range(0, 100_000).GroupBy(i => partitions.Of($"customer-{i}")).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(64, counts.Count);
        Assert.InRange(counts.Values.Min(), 1_300, 1_825);
        Assert.InRange(counts.Values.Max(), 1_300, 1_825);
    }

    [Theory]
    [InlineData(64, new[] { 10 }, new[] { 64 })]
    [InlineData(64, new[] { 30, 10, 20 }, new[] { 21, 22, 21 })]
    [InlineData(64, new[] { 7, 9 }, new[] { 32, 32 })]
    [InlineData(3, new[] { 1, 2, 3, 4 }, new[] { 1, 1, 1, 0 })]
    public void Live_processes_split_the_partitions_into_fair_shares_that_add_up(int count, int[] members, int[] shares)
    {
        var computed = members.Select(m => FairShare.Of(count, members, m)).ToArray();

        Assert.Equal(shares, computed);
        Assert.Equal(count, computed.Sum());
    }
}
