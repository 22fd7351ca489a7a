using System.Globalization;

namespace Automation.Testing;

/// <summary>Reads samples out of a Prometheus text scrape (GET /metrics).</summary>
public static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="name"/> whose labels contain every one of <paramref name="labels"/>
    /// (e.g. <c>status="dispatched"</c>), or null when the scrape has none.
    /// </summary>
    public static double? Value(string scrape, string name, params string[] labels)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        double? sum = null;
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || (line[name.Length] != ' ' && line[name.Length] != '{'))
            {
                continue;
            }

            var labelEnd = line[name.Length] == '{' ? LabelsEnd(line, name.Length) : name.Length - 1;
            var sampleLabels = line[name.Length] == '{' ? line[(name.Length + 1)..labelEnd] : "";
            if (!labels.All(l => sampleLabels.Contains(l, StringComparison.Ordinal)))
            {
                continue;
            }

            var value = line[(labelEnd + 1)..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    /// <summary>The index of the brace closing the labels that open at <paramref name="open"/> (a value may hold braces: routes).</summary>
    private static int LabelsEnd(string line, int open)
    {
        var quoted = false;
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && quoted)
            {
                i++;
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == '}' && !quoted)
            {
                return i;
            }
        }

        throw new FormatException($"unclosed labels: {line}");
    }

    /// <summary>Like <see cref="Value"/>, as a whole number; throws when the scrape has no such sample.</summary>
    public static long Count(string scrape, string name, params string[] labels) =>
        (long)(Value(scrape, name, labels) ?? throw new InvalidOperationException($"the scrape has no sample {name} {string.Join(",", labels)}:\n{scrape}"));
}
