using Automation.Engine.Events.Import;
using Automation.Engine.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Tests.Import;

public sealed class ImportTests
{
    private const string Invoices = """"
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
        536365,71053,"LANTERN, WHITE ""METAL""",6,12/1/2010 8:26,3.39,17850,United Kingdom
        536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,,United Kingdom
        536367,84879,ASSORTED COLOUR BIRD ORNAMENT,0,12/1/2010 8:34,1.69,13047,United Kingdom
        536368,22960,JAM MAKING SET WITH JARS,6,12/1/2010 8:34,0,13047,United Kingdom
        536369,21756,BATH BUILDING BLOCK WORD,3,2010-12-01 08:35,5.95,13047,United Kingdom
        C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527.0,United Kingdom
        536370,22728,ALARM CLOCK BAKELIKE PINK,24,12/1/2010 8:45,3.75,12583,France
        """";

    private const string Behavior = """
        timestamp,visitorid,event,itemid,transactionid
        1433221332117,257597,view,355908,
        1433224214164,992329,view,248676,
        1433221999827,111016,addtocart,318965,
        1433221955914,483717,transaction,253185,8841
        yesterday,483717,view,253185,
        1433222276276,,view,10572,
        1433222276276,599528,wishlist,356475,
        """;

    [Fact]
    public async Task Invoice_lines_become_one_purchase_per_invoice_with_bad_rows_skipped_by_reason_and_line()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var report = await ImportAsync(database, Invoices, ImportFormat.Invoices);

        Assert.Equal(8, report.RowsRead);
        Assert.Equal(3, report.EventsStored);
        Assert.Equal(3, report.Customers);
        Assert.Equal((6 * 2.55m) + (6 * 3.39m) + (24 * 3.75m), report.Revenue);
        Assert.Equal(27.5m, report.Refunded);
        Assert.Equal([4L], report.Skipped["no customer id"]);
        Assert.Equal([5L], report.Skipped["non-positive quantity"]);
        Assert.Equal([6L], report.Skipped["non-positive price"]);
        Assert.Equal([7L], report.Skipped["unreadable date (expected M/d/yyyy H:mm)"]);

        await using var db = database.CreateDbContext();
        var purchase = await db.Events.SingleAsync(e => e.EventId == "invoice-536365");
        Assert.Equal("purchase", purchase.Type);
        Assert.Equal("17850", purchase.CustomerId);
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0, DateTimeKind.Utc), purchase.Timestamp);
        Assert.Contains("LANTERN, WHITE \\u0022METAL\\u0022", purchase.PropertiesJson, StringComparison.Ordinal);
        var refund = await db.Events.SingleAsync(e => e.EventId == "invoice-C536379");
        Assert.Equal("refund", refund.Type);
        Assert.Equal("14527", refund.CustomerId);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_stores_nothing_the_second_time()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await ImportAsync(database, Invoices, ImportFormat.Invoices);
        var again = await ImportAsync(database, Invoices, ImportFormat.Invoices);

        Assert.Equal(0, again.EventsStored);
        Assert.Equal(3, again.Duplicates);
        Assert.Equal(3, await database.CountEventsAsync());
    }

    [Fact]
    public async Task Retailrocket_rows_map_to_product_views_cart_adds_and_purchases()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var report = await ImportAsync(database, Behavior, ImportFormat.Events);

        Assert.Equal(7, report.RowsRead);
        Assert.Equal(4, report.EventsStored);
        Assert.Equal(4, report.Customers);
        Assert.Equal([6L], report.Skipped["unreadable timestamp (expected milliseconds or M/d/yyyy H:mm)"]);
        Assert.Equal([7L], report.Skipped["no visitor id"]);
        Assert.Equal([8L], report.Skipped["unknown event (expected view, addtocart or transaction)"]);
        await using var db = database.CreateDbContext();
        var types = await db.Events.OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync();
        Assert.Equal(["product_view", "product_view", "add_to_cart", "purchase"], types);
        var purchase = await db.Events.SingleAsync(e => e.Type == "purchase");
        Assert.Equal(new DateTime(2015, 6, 2, 5, 12, 35, 914, DateTimeKind.Utc), purchase.Timestamp);
        Assert.Contains("8841", purchase.PropertiesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_format_option_reads_dates_culture_invariantly()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,x,1,01.12.2010 08:26,2.5,7,DE\n2,A,x,1,12/1/2010 8:26,2.5,7,DE\n";
        var report = await ImportAsync(database, csv, ImportFormat.Invoices, "dd.MM.yyyy HH:mm");

        Assert.Equal(1, report.EventsStored);
        Assert.Equal([3L], report.Skipped["unreadable date (expected dd.MM.yyyy HH:mm)"]);
    }

    internal static async Task<ImportReport> ImportAsync(TemporaryDatabase database, string csv, ImportFormat format, string dateFormat = ImportOptions.UciDateFormat)
    {
        using var reader = new StringReader(csv);
        return await new EventImporter(database.Ingestion()).ImportAsync(reader, format, new ImportOptions(dateFormat), null, CancellationToken.None);
    }
}
