using Microsoft.EntityFrameworkCore;

namespace Automation.Storage;

/// <summary>
/// Looks among the entities a unit of work already holds (added or loaded) without the full DetectChanges that
/// DbSet.Local runs on every access. It still scans every tracked entity, so hot paths look up by key instead
/// (<see cref="PendingRows"/>, DbSet.Find); this is for the rare ones (a fork's branches).
/// </summary>
public static class TrackedEntities
{
    /// <summary>Every held entity that matches, added ones included (a query cannot see those before SaveChanges).</summary>
    public static List<TEntity> AllTracked<TEntity>(this DbContext db, Func<TEntity, bool> predicate)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var tracker = db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Set<TEntity>().Local.Where(predicate).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
