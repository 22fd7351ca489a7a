using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Segments;
using Automation.Storage.Profiles;
using Automation.Storage.Segments;
using Automation.Storage.Workflows;

namespace Automation.Engine.Processing;

/// <summary>What one batch reads up front and writes at the end.</summary>
public sealed class BatchContext
{
    public required DateTime Now { get; init; }

    public required IReadOnlyList<CompiledSegment> Segments { get; init; }

    public required ScoringRound Round { get; init; }

    /// <summary>The triggers of published workflows: a message matching one starts a workflow that reads the profile.</summary>
    public required HashSet<(string Type, string? Key)> Triggers { get; init; }

    public required HashSet<string?> EventTriggers { get; init; }

    public Dictionary<string, CustomerProfile> Profiles { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<SegmentMembership>> Memberships { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<WorkflowInstance>> Waiting { get; } = new(StringComparer.Ordinal);

    /// <summary>The active instances of workflows with a goal, by customer: their goal is checked against the batch.</summary>
    public Dictionary<string, List<WorkflowInstance>> InGoalWorkflows { get; set; } = new(StringComparer.Ordinal);

    public ProfileWrites Writes { get; } = new();

    /// <summary>Stopwatch ticks the batch's customers spent folding, scoring and evaluating segments.</summary>
    public long FoldTicks { get; set; }

    public long ScoreTicks { get; set; }

    public long SegmentTicks { get; set; }
}
