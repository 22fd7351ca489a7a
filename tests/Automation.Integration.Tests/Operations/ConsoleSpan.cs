namespace Automation.Integration.Tests.Operations;

/// <summary>
/// A span as another engine process wrote it with the console exporter (Automation:Telemetry:Exporter=Console):
/// the trace it belongs to, its name, kind, source and tags.
/// </summary>
internal sealed record ConsoleSpan(string TraceId, string DisplayName, string Kind, string Source, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Every complete span block in the process's output.</summary>
    public static List<ConsoleSpan> Parse(string output)
    {
        var spans = new List<ConsoleSpan>();
        foreach (var block in output.Split("Activity.TraceId:", StringSplitOptions.None).Skip(1))
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var traceId = lines[0].Trim();
            var name = Field(lines, "Activity.DisplayName:");
            var kind = Field(lines, "Activity.Kind:");
            var source = Field(lines, "Activity.ActivitySourceName:") ?? ScopeName(lines);
            if (name is null || kind is null || source is null || traceId.Length != 32)
            {
                continue; // a block the process was still writing
            }

            spans.Add(new ConsoleSpan(traceId, name, kind, source, ReadTags(lines)));
        }

        return spans;
    }

    private static string? Field(List<string> lines, string label) =>
        lines.FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal))?[label.Length..].Trim();

    /// <summary>Newer exporters name the source under "Instrumentation scope (ActivitySource):" as "Name: …".</summary>
    private static string? ScopeName(List<string> lines)
    {
        var scope = lines.FindIndex(l => l.StartsWith("Instrumentation scope", StringComparison.Ordinal));
        return scope < 0 ? null : lines.Skip(scope + 1).Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Name:", StringComparison.Ordinal))?["Name:".Length..].Trim();
    }

    private static Dictionary<string, string> ReadTags(List<string> lines)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = lines.FindIndex(l => l.StartsWith("Activity.Tags:", StringComparison.Ordinal));
        if (start < 0)
        {
            return tags;
        }

        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                tags[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return tags;
    }
}
