namespace Automation.Engine.Discovery;

/// <summary>Clusterings for a range of k and the k proposed from their silhouettes and Davies–Bouldin indexes.</summary>
public sealed record DiscoverySweep(IReadOnlyList<DiscoveryResult> Runs, int ProposedK)
{
    public DiscoveryResult Proposed => Runs.First(r => r.K == ProposedK);
}
