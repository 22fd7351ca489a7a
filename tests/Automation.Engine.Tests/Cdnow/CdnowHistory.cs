using Automation.Engine.Events.Import;
using Automation.Engine.Tests.Support;
using Automation.Testing;

namespace Automation.Engine.Tests.Cdnow;

/// <summary>The real CDNOW transaction log (../shared/data/cdnow, read in place), imported through the column mapping.</summary>
internal static class CdnowHistory
{
    public const string Columns = "customer=customer_id,time=date,value=dollar_value";

    public static string File => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "cdnow", "CDNOW_master.txt"));

    public static ImportOptions Options()
    {
        using var sample = new StreamReader(File);
        return ImportSample.Settle(sample, ImportFormat.Columns, new ImportOptions(Columns: ColumnMapping.Parse(Columns).Mapping), detectDates: true);
    }

    public static async Task<ImportReport> ImportAsync(TemporaryDatabase database)
    {
        using var reader = new StreamReader(File);
        return await new EventImporter(database.Ingestion()).ImportAsync(reader, ImportFormat.Columns, Options(), null, CancellationToken.None);
    }
}
