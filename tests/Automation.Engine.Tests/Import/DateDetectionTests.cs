using Automation.Engine.Events.Import;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Import;

public sealed class DateDetectionTests
{
    [Fact]
    public async Task Iso_dates_are_read_without_a_date_format()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n536365,A,x,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n536366,B,y,1,2010-12-02T09:00:00Z,5,17851,France\n";

        var options = ImportSample.Settle(new StringReader(csv), ImportFormat.Invoices, new ImportOptions(), detectDates: true);
        var report = await new EventImporter(database.Ingestion()).ImportAsync(new StringReader(csv), ImportFormat.Invoices, options, null, CancellationToken.None);

        Assert.Equal(ImportDates.Iso8601, options.DateFormat);
        Assert.Equal(2, report.EventsStored);
        Assert.Null(ImportVerdict.Failure(report, 0.5));
    }

    [Theory]
    [InlineData("12/1/2010 8:26", "13/1/2010 8:26", "d/M/yyyy H:mm")]
    [InlineData("12/1/2010 8:26", "1/13/2010 8:26", "M/d/yyyy H:mm")]
    [InlineData("20100112", "20101231", "yyyyMMdd")]
    [InlineData("2010-12-01 08:26", "2010-12-01T08:26:00+01:00", ImportDates.Iso8601)]
    public void A_day_above_twelve_anywhere_in_the_sample_settles_the_order(string first, string second, string expected)
    {
        Assert.Equal((expected, (string?)null), DateFormatDetection.Detect([first, second]));
    }

    [Fact]
    public void A_file_whose_dates_read_both_ways_stops_with_both_formats_and_the_flag_named()
    {
        var csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,x,1,1/2/2011 8:26,2.5,7,DE\n2,A,x,1,3/4/2011 9:26,2.5,7,DE\n";

        var refused = Assert.Throws<InvalidDataException>(() => ImportSample.Settle(new StringReader(csv), ImportFormat.Invoices, new ImportOptions(), detectDates: true));

        Assert.Contains("ambiguous", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"M/d/yyyy H:mm\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"d/M/yyyy H:mm\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--date-format", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_stores_nothing_or_skips_too_much_is_a_failure_said_in_words()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var noCustomers = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,x,1,2010-12-01 08:26,2.5,,DE\n2,A,x,1,2010-12-01 08:27,2.5,,DE\n";
        var halfBad = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,x,1,2010-12-01 08:26,2.5,7,DE\n2,A,x,1,2010-12-01 08:27,2.5,,DE\n3,A,x,1,2010-12-01 08:28,2.5,,DE\n";

        var nothing = await ImportTests.ImportAsync(database, noCustomers, ImportFormat.Invoices, ImportDates.Iso8601);
        var some = await ImportTests.ImportAsync(database, halfBad, ImportFormat.Invoices, ImportDates.Iso8601);

        Assert.Equal("nothing was stored: all 2 rows were skipped (reasons above)", ImportVerdict.Failure(nothing, 0.5));
        Assert.StartsWith("66.7 % of the rows were skipped, more than the 50 % allowed", ImportVerdict.Failure(some, 0.5), StringComparison.Ordinal);
        Assert.Null(ImportVerdict.Failure(some, 0.7));
    }
}
