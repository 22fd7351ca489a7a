using Automation.Engine.Profiles;

namespace Automation.Host.Api;

/// <summary>A customer's page: profile, live features, scores, segments, instances, actions, the first page of the timeline and the tags rules gave.</summary>
public sealed record CustomerView(
    string Id,
    string? Email,
    string? Name,
    string? Phone,
    string? TimeZone,
    DateTime FirstSeen,
    DateTime LastSeen,
    CustomerFeatures Features,
    CustomerScoresView Scores,
    IReadOnlyList<CustomerSegmentView> Segments,
    IReadOnlyList<CustomerInstanceView> Instances,
    IReadOnlyList<ActionView> Actions,
    CustomerTimelineView Timeline,
    IReadOnlyList<CustomerTagView> Tags);
