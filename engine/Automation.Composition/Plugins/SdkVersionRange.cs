
namespace Automation.Composition.Plugins;

/// <summary>NuGet interval notation ("[1.0,2.0)", "1.0" = at least 1.0) checked against the host's SDK version.</summary>
public static class SdkVersionRange
{
    public static bool Includes(string range, Version version, out string why)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(version);
        why = "";
        var text = range.Trim();
        if (Version.TryParse(text, out var minimum))
        {
            why = $"needs SDK {minimum} or later";
            return version >= minimum;
        }

        if (text.Length < 3 || text[0] is not ('[' or '(') || text[^1] is not (']' or ')'))
        {
            why = $"SDK range '{range}' is not in NuGet interval notation";
            return false;
        }

        var parts = text[1..^1].Split(',');
        if (parts.Length != 2)
        {
            why = $"SDK range '{range}' is not in NuGet interval notation";
            return false;
        }

        var low = Parse(parts[0]);
        var high = Parse(parts[1]);
        var ok = (low is null || (text[0] == '[' ? version >= low : version > low))
            && (high is null || (text[^1] == ']' ? version <= high : version < high));
        why = $"built for SDK {range}, the host has {version.ToString(2)}";
        return ok;
    }

    private static Version? Parse(string part) =>
        string.IsNullOrWhiteSpace(part) ? null : Version.Parse(part.Trim().Contains('.', StringComparison.Ordinal) ? part.Trim() : part.Trim() + ".0");
}
