namespace Automation.Engine.Processing;

/// <summary>A partition's events stored but not yet processed, and when the oldest of them arrived.</summary>
public sealed record PartitionBacklog(int Partition, long Waiting, DateTime? OldestReceivedAt);
