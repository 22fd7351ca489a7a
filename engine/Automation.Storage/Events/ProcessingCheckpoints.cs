namespace Automation.Storage.Events;

/// <summary>Reads and writes the named positions in the event log (<see cref="ProcessingCheckpoint"/>).</summary>
public static class ProcessingCheckpoints
{
    /// <summary>
    /// The checkpoint's sequence, as a query: null when there is no such row. Nullable, so that inside a larger query a
    /// missing row reads as 0 through `?? 0` instead of a NULL that compares false.
    /// </summary>
    public static IQueryable<long?> SequenceOf(AutomationDbContext db, string name)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ProcessingCheckpoints.Where(c => c.Name == name).Select(c => (long?)c.Sequence);
    }

    /// <summary>Stores the checkpoint in the caller's transaction.</summary>
    public static Task SaveAsync(AutomationDbContext db, string name, long sequence, CancellationToken cancellationToken) =>
        BulkRows.UpsertAsync(db, [new ProcessingCheckpoint { Name = name, Sequence = sequence }], cancellationToken);
}
