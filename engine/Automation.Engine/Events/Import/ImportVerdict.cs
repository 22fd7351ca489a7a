using System.Globalization;

namespace Automation.Engine.Events.Import;

/// <summary>Whether an import counts as failed, in words: nothing stored, or more rows skipped than the allowed share.</summary>
public static class ImportVerdict
{
    public static string? Failure(ImportReport report, double maxSkippedShare)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.EventsStored + report.Duplicates == 0)
        {
            return report.RowsRead == 0
                ? "nothing was stored: the file has no rows"
                : $"nothing was stored: all {report.RowsRead.ToString("N0", CultureInfo.InvariantCulture)} rows were skipped (reasons above)";
        }

        var share = report.RowsRead == 0 ? 0 : report.SkippedRows / (double)report.RowsRead;
        return share > maxSkippedShare
            ? string.Create(CultureInfo.InvariantCulture, $"{share:P1} of the rows were skipped, more than the {maxSkippedShare:P0} allowed (--max-skipped); what was read is stored, but check the reasons above")
            : null;
    }
}
