using System.Globalization;

namespace Automation.Testing;

/// <summary>The Proof plugin's delivery ledger: one line per delivery it carried out (key, action type, time).</summary>
public sealed class ProofLedger(string path)
{
    public string Path { get; } = path;

    public IReadOnlyList<string> Keys() => Deliveries().Select(d => d.IdempotencyKey).ToList();

    /// <summary>The size of each call the Proof plugin's batch handler took, in order.</summary>
    public IReadOnlyList<int> CallSizes()
    {
        var calls = new ProofLedger(Path + ".calls").Deliveries();
        return [.. calls.Select(c => int.Parse(c.ActionType, CultureInfo.InvariantCulture))];
    }

    /// <summary>Every delivery with the UTC time the plugin's handler carried it out.</summary>
    public IReadOnlyList<(string IdempotencyKey, string ActionType, DateTime HandledAt)> Deliveries()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        // Opened shared: the plugin may be appending while the test reads.
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var deliveries = new List<(string, string, DateTime)>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            // A line the plugin is still writing has no time yet; it is read on the next call.
            if (fields.Length == 3 && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                deliveries.Add((fields[0], fields[1], new DateTime(ticks, DateTimeKind.Utc)));
            }
        }

        return deliveries;
    }
}
