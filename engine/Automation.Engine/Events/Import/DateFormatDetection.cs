using System.Globalization;

namespace Automation.Engine.Events.Import;

/// <summary>
/// Finds how a file writes its dates from a sample of them: the candidate that reads the most samples wins; when
/// month-first and day-first read the same samples (no day above 12 in the sample) the file is ambiguous and the
/// import stops with both named, for --date-format to settle.
/// </summary>
public static class DateFormatDetection
{
    public static IReadOnlyList<string> Candidates { get; } =
    [
        ImportDates.Iso8601, "M/d/yyyy H:mm", "d/M/yyyy H:mm", "M/d/yyyy H:mm:ss", "d/M/yyyy H:mm:ss", "M/d/yyyy", "d/M/yyyy",
        "d.M.yyyy H:mm", "d.M.yyyy", "yyyyMMdd", "yyyy/MM/dd H:mm", "yyyy/MM/dd",
    ];

    /// <summary>The format, or the reason none could be chosen.</summary>
    public static (string? Format, string? Problem) Detect(IReadOnlyCollection<string> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var texts = samples.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (texts.Count == 0)
        {
            return (null, "no dates to read: the file has no rows");
        }

        var reads = Candidates.Select(f => (Format: f, Count: texts.Count(t => ImportDates.TryParse(t, f, out _)))).ToList();
        var best = reads.Max(r => r.Count);
        if (best == 0)
        {
            return (null, $"no known date format reads '{texts[0].Trim()}'; give it with --date-format (e.g. \"dd.MM.yyyy HH:mm\")");
        }

        var winners = reads.Where(r => r.Count == best).Select(r => r.Format).ToList();
        if (winners.Count > 1)
        {
            var example = texts.First(t => winners.All(w => ImportDates.TryParse(t, w, out _))).Trim();
            return (null, string.Create(CultureInfo.InvariantCulture, $"dates are ambiguous: '{example}' reads as {string.Join(" and as ", winners.Select(w => $"\"{ImportDates.Describe(w)}\""))} and no date in the first {texts.Count} rows settles it; give --date-format \"{winners[0]}\" or --date-format \"{winners[1]}\""));
        }

        return (winners[0], null);
    }
}
