using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Integration.Tests.Cluster;

/// <summary>GET /api/cluster as an operator reads it: who owns which partitions and how much waits.</summary>
public sealed record ClusterState(IReadOnlyDictionary<string, int[]> Owned, long Waiting, int Unowned)
{
    public static async Task<ClusterState> ReadAsync(HttpClient person)
    {
        ArgumentNullException.ThrowIfNull(person);
        try
        {
            var cluster = await person.GetFromJsonAsync<JsonElement>("/api/cluster");
            var owned = cluster.GetProperty("processes").EnumerateArray().ToDictionary(
                p => p.GetProperty("name").GetString()!,
                p => p.GetProperty("partitions").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
                StringComparer.Ordinal);
            var partitions = cluster.GetProperty("partitions").EnumerateArray().ToList();
            return new ClusterState(
                owned,
                partitions.Sum(p => p.GetProperty("waiting").GetInt64()),
                partitions.Count(p => !p.TryGetProperty("owner", out var owner) || owner.ValueKind == JsonValueKind.Null));
        }
        catch (HttpRequestException)
        {
            return new ClusterState(new Dictionary<string, int[]>(), -1, -1);
        }
    }

    /// <summary>Every one of the partitions owned by exactly one of <paramref name="processes"/> processes, each with a fair share.</summary>
    public bool SharedFairly(int processes, int partitions = 64) =>
        Owned.Count == processes
        && Unowned == 0
        && Owned.Values.SelectMany(p => p).Order().SequenceEqual(Enumerable.Range(0, partitions))
        && Owned.Values.All(p => p.Length >= partitions / processes && p.Length <= (partitions / processes) + 1);

    public override string ToString() =>
        $"{Owned.Count} processes ({string.Join("; ", Owned.Select(o => $"{o.Key}: {o.Value.Length}"))}), {Unowned} unowned, {Waiting} waiting";
}
