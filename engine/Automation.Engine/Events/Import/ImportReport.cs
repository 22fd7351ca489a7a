namespace Automation.Engine.Events.Import;

/// <summary>What an import did: the closing summary's figures, skipped rows by reason with their line numbers.</summary>
public sealed class ImportReport
{
    private readonly HashSet<string> customers = new(StringComparer.Ordinal);

    public long RowsRead { get; set; }

    public long EventsStored { get; set; }

    /// <summary>Events already in the log (a re-import), stored once.</summary>
    public long Duplicates { get; set; }

    public decimal Revenue { get; set; }

    public decimal Refunded { get; set; }

    public int Customers => customers.Count;

    public SortedDictionary<string, List<long>> Skipped { get; } = new(StringComparer.Ordinal);

    public long SkippedRows => Skipped.Values.Sum(l => (long)l.Count);

    public TimeSpan Elapsed { get; set; }

    public void Skip(long line, string reason)
    {
        if (!Skipped.TryGetValue(reason, out var lines))
        {
            Skipped[reason] = lines = [];
        }

        lines.Add(line);
    }

    public void Customer(string id) => customers.Add(id);
}
