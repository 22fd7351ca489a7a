using Automation.Storage;
using Automation.Storage.Dispatch;

namespace Automation.Engine.Actions;

/// <summary>
/// Where a workflow's action step hands its action: recorded in the step's transaction, then guarded, held for a
/// person or sent by the dispatch pipeline, whose outcome comes back to the instance's bookmark.
/// </summary>
public interface IActionDispatch
{
    Task<ActionRecord> RequestAsync(AutomationDbContext db, DispatchRequest request, DateTime nowUtc, CancellationToken cancellationToken);
}
