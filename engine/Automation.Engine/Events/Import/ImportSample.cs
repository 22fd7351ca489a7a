namespace Automation.Engine.Events.Import;

/// <summary>
/// A first look at a file before it is imported: its delimiter (for the columns layout) and its date format, from
/// the dates of its first rows. What cannot be settled from the sample stops the import with the reason.
/// </summary>
public static class ImportSample
{
    public const int SampleRows = 5_000;

    /// <summary>The options to import with: <paramref name="options"/> with the detected date format filled in when it has none.</summary>
    public static ImportOptions Settle(TextReader reader, ImportFormat format, ImportOptions options, bool detectDates)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var first = reader.ReadLine() ?? throw new InvalidDataException("the file is empty");
        var delimiter = format == ImportFormat.Columns ? Delimiter.Detect(first) : Delimiter.Comma;
        var header = new CsvRecordReader(new StringReader(first), delimiter).Next()!.Value.Fields;
        var column = format switch
        {
            ImportFormat.Invoices => 4,
            ImportFormat.Events => 0,
            _ => (options.Columns ?? throw new InvalidDataException("--columns is needed for the columns format")).Resolve(header).Time,
        };

        // Invoices and events files may come without a header line: then the first line is a row too.
        var hasHeader = format == ImportFormat.Columns || !(header.Count > column && LooksLikeDate(header[column]));
        var samples = new List<string>();
        if (!hasHeader && header.Count > column)
        {
            samples.Add(header[column]);
        }

        var csv = new CsvRecordReader(reader, delimiter);
        while (samples.Count < SampleRows && csv.Next() is { } record)
        {
            if (record.Fields.Count > column)
            {
                samples.Add(record.Fields[column]);
            }
        }

        if (!detectDates || (format == ImportFormat.Events && samples.All(s => ImportDates.TryParseMilliseconds(s, out _))))
        {
            return options with { Delimiter = delimiter };
        }

        var (found, problem) = DateFormatDetection.Detect(samples);
        return found is null ? throw new InvalidDataException(problem) : options with { DateFormat = found, Delimiter = delimiter };
    }

    private static bool LooksLikeDate(string text) => text.Trim() is { Length: > 0 } t && char.IsDigit(t[0]);
}
