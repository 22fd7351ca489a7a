using System.Globalization;

namespace Automation.Benchmarks;

/// <summary>"--name value" options of a benchmark's command line.</summary>
public static class Options
{
    public static int Int(string[] args, string name, int fallback)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
