using Automation.Plugins.Sdk;

namespace Automation.Engine.Segments;

/// <summary>A customer entering or leaving a segment, with the reasons.</summary>
public sealed record MembershipChange(string CustomerId, string Segment, bool Entered, IReadOnlyList<ReasonCode> Reasons);
