using System.Globalization;
using System.Text;
using Automation.Engine.Events.Import;
using Automation.Engine.Tests.Import;
using Automation.Engine.Tests.Support;

namespace Automation.Engine.Tests.Fuzz;

public sealed class CsvImportFuzzTests
{
    [Fact]
    public async Task Ten_thousand_generated_bad_rows_are_skipped_by_reason_and_only_the_good_rows_are_stored()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var random = new Random(11);
        var invoices = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        var behavior = new StringBuilder("timestamp,visitorid,event,itemid,transactionid\n");
        var goodInvoices = 0;
        var goodEvents = 0;
        for (var i = 0; i < 6_000; i++)
        {
            if (i % 100 == 0)
            {
                invoices.Append(CultureInfo.InvariantCulture, $"G{i},A1,\"good, row\",2,12/1/2010 8:26,1.5,{i},UK\n");
                goodInvoices++;
            }

            invoices.Append(BadInvoiceRow(random, i)).Append('\n');
        }

        for (var i = 0; i < 4_000; i++)
        {
            if (i % 100 == 0)
            {
                behavior.Append(CultureInfo.InvariantCulture, $"{1433221332117 + i},{i},view,{i},\n");
                goodEvents++;
            }

            behavior.Append(BadBehaviorRow(random, i)).Append('\n');
        }

        var first = await ImportTests.ImportAsync(database, invoices.ToString(), ImportFormat.Invoices);
        var second = await ImportTests.ImportAsync(database, behavior.ToString(), ImportFormat.Events);

        Assert.Equal(6_000, first.SkippedRows);
        Assert.Equal(goodInvoices, first.EventsStored);
        Assert.Equal(4_000, second.SkippedRows);
        Assert.Equal(goodEvents, second.EventsStored);
        Assert.Equal(goodInvoices + goodEvents, await database.CountEventsAsync());
        Assert.All(first.Skipped.Concat(second.Skipped), s => Assert.All(s.Value, line => Assert.True(line > 1)));
    }

    /// <summary>An invoice line with one thing wrong (its own invoice number, so it cannot join a good invoice).</summary>
    private static string BadInvoiceRow(Random random, int i)
    {
        string[] f = [$"B{i}", "S1", "thing", "3", "12/1/2010 8:26", "2.5", $"{10_000 + i}", "UK"];
        switch (random.Next(12))
        {
            case 0: f[6] = ""; break;
            case 1: f[3] = Pick(random, "0", "-4", "abc", "", "1.5", "9999999999999"); break;
            case 2: f[5] = Pick(random, "0", "-1.2", "x", "", "\"1,5\"", "NaN"); break;
            case 3: f[4] = Pick(random, "2010-12-01 08:26", "13/45/2010 8:26", "", "yesterday", "12/1/2010", "1/1/0001 99:99"); break;
            case 4: f = f[..random.Next(1, 7)]; break;
            case 5: f[0] = ""; break;
            case 6: f[2] = "\"" + new string('"', 2 * random.Next(1, 4)) + "\""; f[6] = ""; break;
            case 7: f[3] = "\u0000\u0001"; break;
            case 8: f[5] = new string('9', 40); break;
            case 9: return new string((char)random.Next(0x21, 0x7e), random.Next(1, 80)).Replace(",", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
            case 10: f[6] = new string('7', 250); break;
            default: f[4] = "12/1/2010 8:26\u00a0PM"; break;
        }

        return string.Join(",", f);
    }

    private static string BadBehaviorRow(Random random, int i)
    {
        string[] f = [$"{1433221332117 + i}", $"v{i}", "view", "1", ""];
        switch (random.Next(8))
        {
            case 0: f[1] = ""; break;
            case 1: f[2] = Pick(random, "wishlist", "VIEW", "", "add to cart"); break;
            case 2: f[0] = Pick(random, "", "-5", "abc", "1e12", "99999999999999999999", "2015-06-02"); break;
            case 3: f = f[..random.Next(1, 3)]; break;
            case 4: f[1] = new string('v', 201 + random.Next(100)); break;
            case 5: f[0] = (DateTimeOffset.UtcNow.AddDays(5 + random.Next(100)).ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture); break;
            case 6: return "";
            default: f[2] = "transaction\u0000"; break;
        }

        return string.Join(",", f);
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
