namespace Automation.Engine.Cluster;

/// <summary>A background job that runs in one engine process of the cluster at a time, never once per process.</summary>
public enum ClusterJob
{
    WorkflowTimers = 1,
    RfmRefresh = 2,
    ScoreDrift = 3,
    ScoreAging = 4,
    ApprovalDigest = 5,
    SegmentSweep = 6,
    EventRetention = 7,
    OverdueOutcomes = 8,
    AudienceSchedules = 9,
}
