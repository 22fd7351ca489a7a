namespace Automation.Engine.Profiles;

/// <summary>What linking a batch's identify events changed.</summary>
/// <param name="Rebuild">Customers whose profiles must be folded again from their events (a history merged in).</param>
/// <param name="MergedAway">Anonymous ids whose profile was erased because their history moved to a customer.</param>
public sealed record IdentityLinks(HashSet<string> Rebuild, IReadOnlyList<string> MergedAway);
