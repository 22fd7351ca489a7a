namespace Automation.Host.Api;

/// <summary>A saved segment and where its backfill over existing profiles reports progress.</summary>
public sealed record SegmentSaved(string Key, string Backfill, string BackfillStatus);
