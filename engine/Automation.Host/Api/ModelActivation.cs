namespace Automation.Host.Api;

/// <summary>A version made active (or rolled back to): every profile is re-scored with it at once, as of the moment shown.</summary>
public sealed record ModelActivation(Guid Id, string Score, int Version, int Scored, DateTime ScoredAsOf);
