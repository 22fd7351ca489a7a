using System.Text;

namespace Automation.Engine.Events.Import;

/// <summary>
/// Reads RFC 4180 CSV records (quoted fields with commas, doubled quotes and line breaks) with the line number each
/// starts on, so that a skipped row can be named in the import summary. Another delimiter than the comma may be
/// given; white space as the delimiter splits on runs of it, without quoting.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, Delimiter? delimiter = null)
{
    private readonly char? separator = (delimiter ?? Delimiter.Comma).Character;
    private long line;

    /// <summary>The next record and its first line number; null at the end of the input.</summary>
    public (long Line, List<string> Fields)? Next()
    {
        var text = reader.ReadLine();
        if (text is null)
        {
            return null;
        }

        line++;
        var start = line;
        if (separator is null)
        {
            return (start, [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)]);
        }

        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                if (quoted && reader.ReadLine() is { } more)
                {
                    // A quoted field continues on the next line.
                    line++;
                    field.Append('\n');
                    text = more;
                    i = 0;
                    continue;
                }

                fields.Add(field.ToString());
                return (start, fields);
            }

            var c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
    }
}
