using Automation.Engine.Events.Import;
using Automation.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Cdnow;

public sealed class CdnowImportTests
{
    [Fact]
    public async Task The_cdnow_log_comes_in_through_a_column_mapping_with_the_published_counts()
    {
        await using var database = await TemporaryDatabase.CreateAsync();

        var options = CdnowHistory.Options();
        var report = await CdnowHistory.ImportAsync(database);

        Assert.Equal("yyyyMMdd", options.DateFormat);
        Assert.Equal(Delimiter.Whitespace, options.Delimiter);
        Assert.Equal(69_659, report.RowsRead);
        Assert.Equal(69_659, report.EventsStored);
        Assert.Equal(0, report.SkippedRows);
        Assert.Equal(23_570, report.Customers);
        Assert.Equal(2_500_315.63m, report.Revenue);
        await using var db = database.CreateDbContext();
        Assert.Equal(new DateTime(1997, 1, 1, 0, 0, 0, DateTimeKind.Utc), await db.Events.MinAsync(e => e.Timestamp));
        Assert.Equal(new DateTime(1998, 6, 30, 0, 0, 0, DateTimeKind.Utc), await db.Events.MaxAsync(e => e.Timestamp));
        Assert.Equal(80, (await db.Events.Select(e => e.Value).ToListAsync()).Count(v => v == 0));

        var again = await CdnowHistory.ImportAsync(database);
        Assert.Equal(0, again.EventsStored);
        Assert.Equal(69_659, again.Duplicates);
    }

    [Fact]
    public void A_mapping_that_names_a_missing_column_is_refused_with_the_columns_the_file_has()
    {
        using var sample = new StreamReader(CdnowHistory.File);
        var mapping = ColumnMapping.Parse("customer=customer_id,time=order_date").Mapping;

        var refused = Assert.Throws<InvalidDataException>(() => ImportSample.Settle(sample, ImportFormat.Columns, new ImportOptions(Columns: mapping), detectDates: true));

        Assert.Equal("the header has no column 'order_date' (it has: customer_id, date, number_of_cds, dollar_value)", refused.Message);
    }
}
