namespace Automation.Host.Api;

/// <summary>A page of a segment's members and how many it has.</summary>
public sealed record SegmentMembers(int Total, IReadOnlyList<SegmentMember> Members);
