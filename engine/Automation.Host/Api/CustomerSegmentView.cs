using Automation.Plugins.Sdk;

namespace Automation.Host.Api;

/// <summary>A segment the customer is in, since when and why.</summary>
public sealed record CustomerSegmentView(string Key, string Name, DateTime EnteredAt, IReadOnlyList<ReasonCode> Reasons);
