using System.Text;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Cluster;

/// <summary>
/// Which partition a customer's events belong to: a hash of the customer id that every process and every run agrees
/// on (FNV-1a over UTF-8; string.GetHashCode differs per process), modulo the configured number of partitions.
/// </summary>
public sealed class CustomerPartitions(IOptions<AutomationOptions> options)
{
    public int Count => options.Value.Cluster.Partitions;

    public int Of(string customerId) => Of(customerId, Count);

    public static int Of(string customerId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return (int)(Hash(customerId) % (uint)partitions);
    }

    /// <summary>FNV-1a, 32 bits, over the id's UTF-8 bytes.</summary>
    public static uint Hash(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        Span<byte> stack = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetMaxByteCount(customerId.Length) <= stack.Length ? stack : new byte[Encoding.UTF8.GetMaxByteCount(customerId.Length)];
        var length = Encoding.UTF8.GetBytes(customerId, bytes);
        var hash = 2166136261u;
        foreach (var b in bytes[..length])
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
