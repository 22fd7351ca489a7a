namespace Automation.Engine.Events.Import;

/// <summary>How a file separates its fields: a character, or runs of white space (fixed-width exports such as CDNOW's).</summary>
public sealed record Delimiter(char? Character)
{
    public static Delimiter Comma { get; } = new(',');

    public static Delimiter Whitespace { get; } = new((char?)null);

    /// <summary>From the header line: a tab, a comma or a semicolon if it has one (in that order), else white space.</summary>
    public static Delimiter Detect(string headerLine)
    {
        ArgumentNullException.ThrowIfNull(headerLine);
        foreach (var c in new[] { '\t', ',', ';', '|' })
        {
            if (headerLine.Contains(c, StringComparison.Ordinal))
            {
                return new Delimiter(c);
            }
        }

        return Whitespace;
    }

    public override string ToString() => Character switch
    {
        null => "white space",
        '\t' => "tab",
        var c => $"'{c}'",
    };
}
