namespace Automation.Engine.Expressions;

/// <summary>
/// What the engine recently did for the customer, as a rule reads it: `Recent.OpenApprovals > 0`,
/// `Recent.Actions("email.send", 7) >= 2`, `Recent.DaysSinceAction("sales.alert") &lt; 3`. Covers the last
/// <see cref="Window"/>: older actions are not read.
/// </summary>
public sealed class RecentActivity
{
    /// <summary>How far back actions are read.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    private readonly IReadOnlyList<(string Type, DateTime At)> actions;
    private readonly DateTime now;

    public RecentActivity(IReadOnlyList<(string Type, DateTime At)> actions, int openApprovals, DateTime now)
    {
        this.actions = actions;
        OpenApprovals = openApprovals;
        this.now = now;
    }

    public static RecentActivity None { get; } = new([], 0, DateTime.UnixEpoch);

    /// <summary>Approval requests for this customer that wait for a decision.</summary>
    public int OpenApprovals { get; }

    /// <summary>Actions of this type (e.g. "email.send") created for the customer in the last <paramref name="days"/> days.</summary>
    public int Actions(string type, double days)
    {
        var since = now - TimeSpan.FromDays(Math.Clamp(days, 0, Window.TotalDays));
        var count = 0;
        foreach (var (actionType, at) in actions)
        {
            if (at >= since && string.Equals(actionType, type, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Days since the last action of this type; -1 when there was none in the window.</summary>
    public double DaysSinceAction(string type)
    {
        DateTime? last = null;
        foreach (var (actionType, at) in actions)
        {
            if (string.Equals(actionType, type, StringComparison.OrdinalIgnoreCase) && (last is null || at > last))
            {
                last = at;
            }
        }

        return last is { } when ? Math.Max(0, (now - when).TotalDays) : -1;
    }
}
