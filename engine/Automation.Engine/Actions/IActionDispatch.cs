using Automation.Storage;
using Automation.Storage.Dispatch;
using Automation.Storage.Profiles;

namespace Automation.Engine.Actions;

/// <summary>
/// Where a workflow's action step hands its action: recorded in the step's transaction, then guarded, held for a
/// person or sent by the dispatch pipeline, whose outcome comes back to the instance's bookmark.
/// </summary>
public interface IActionDispatch
{
    Task<ActionRecord> RequestAsync(AutomationDbContext db, DispatchRequest request, DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Loads what the guards ask about these customers in a few queries, for the requests of this unit of work made at
    /// <paramref name="nowUtc"/>: a caller about to start many customers at once (a segment's audience) asks this first.
    /// </summary>
    Task PrepareAsync(AutomationDbContext db, IReadOnlyCollection<(string CustomerId, CustomerProfile? Profile)> customers, DateTime nowUtc, CancellationToken cancellationToken);
}
