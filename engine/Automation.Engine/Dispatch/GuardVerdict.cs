namespace Automation.Engine.Dispatch;

/// <summary>The guards' joint verdict: go, hold until a time (quiet hours), or skip with the blocking reason.</summary>
public sealed record GuardVerdict(IReadOnlyList<GuardResult> Results, DateTime? HoldUntil)
{
    public bool Blocked => Results.Any(r => !r.Passed);

    public string? BlockingReason => Results.FirstOrDefault(r => !r.Passed)?.Reason;
}
