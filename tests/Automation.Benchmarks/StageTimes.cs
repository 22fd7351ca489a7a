using System.Globalization;
using System.Text.RegularExpressions;

namespace Automation.Benchmarks;

/// <summary>
/// A host's summed processing time per stage (its Prometheus counter <c>automation_processing_stage_time_seconds_total</c>),
/// so that a configuration's wall time can be split into work, lock waits and round trips per process.
/// </summary>
public sealed partial class StageTimes
{
    private readonly Dictionary<string, double> seconds;

    private StageTimes(Dictionary<string, double> seconds) => this.seconds = seconds;

    public static async Task<StageTimes> ScrapeAsync(Uri host)
    {
        using var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in StageSample().Matches(scrape))
        {
            seconds[m.Groups["stage"].Value] = double.Parse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new StageTimes(seconds);
    }

    /// <summary>Seconds per stage spent between <paramref name="before"/> and this scrape.</summary>
    public IReadOnlyDictionary<string, double> Since(StageTimes before) =>
        seconds.ToDictionary(s => s.Key, s => s.Value - before.seconds.GetValueOrDefault(s.Key), StringComparer.Ordinal);

    [GeneratedRegex("""^automation_processing_stage_time_seconds_total\{[^}]*stage="(?<stage>[^"]*)"[^}]*\} (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex StageSample();
}
