using Automation.Storage;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// Something else that falls due by the clock (an approval expiring, an action held for quiet hours), fired by the
/// <see cref="WorkflowTimerService"/> in its sweep's transaction, with the workflows' own waits.
/// </summary>
public interface IDueWork
{
    /// <summary>Fires at most <paramref name="limit"/> things due at <paramref name="nowUtc"/>; returns how many fired.</summary>
    Task<int> FireDueAsync(AutomationDbContext db, DateTime nowUtc, int limit, CancellationToken cancellationToken);
}
