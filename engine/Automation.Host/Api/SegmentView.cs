namespace Automation.Host.Api;

/// <summary>A segment definition with its current size and the first error its expression threw since the engine started.</summary>
public sealed record SegmentView(
    string Key,
    string Name,
    string Description,
    string Expression,
    int Size,
    bool BuiltIn,
    string? ScoreMember,
    double? EnterThreshold,
    double? ExitThreshold,
    int? TtlDays,
    int? MinimumSize,
    DateTime UpdatedAt,
    SegmentsApi.SegmentEvaluationError? EvaluationError);
