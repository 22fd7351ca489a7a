using System.Text.Json;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Integration.Tests.Cli;

public sealed class HistoryImportTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private static string Cdnow => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "cdnow", "CDNOW_master.txt"));

    [Fact]
    public async Task The_real_cdnow_log_becomes_profiles_rfm_and_segments_as_of_its_end_then_every_profile_is_scored_with_reasons_after_training()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("automation-history-").FullName, "automation.db");

        var (imported, importOutput) = await CliRun.RunAsync(Long, "import", Cdnow, "--columns", "customer=customer_id,time=date,value=dollar_value", "--sqlite", database);

        Assert.True(imported == 0, importOutput);
        Assert.Contains("dates read as yyyyMMdd, fields separated by white space", importOutput, StringComparison.Ordinal);
        Assert.Contains("as of 1998-06-30 00:00 UTC", importOutput, StringComparison.Ordinal);
        Assert.Contains("23,570 profiles from 69,659 events", importOutput, StringComparison.Ordinal);
        await using (var db = Open(database))
        {
            Assert.Equal(23_570, await db.Profiles.CountAsync());
            Assert.Equal(0, await db.Profiles.CountAsync(p => p.RecencyScore == 0));

            // As of the history's end, the latest buyers are the most recent, not five years gone.
            Assert.Equal(5, (await db.Profiles.Where(p => p.LastPurchaseAt == new DateTime(1998, 6, 30, 0, 0, 0, DateTimeKind.Utc)).Select(p => p.RecencyScore).Distinct().ToListAsync()).Single());
            Assert.True(await db.SegmentMemberships.AnyAsync());
            Assert.Equal(0, await db.Profiles.CountAsync(p => p.ChurnRisk != null));
        }

        var (trainedExit, trainOutput) = await CliRun.RunAsync(Long, "train", "churn", "--horizon", "90d", "--sqlite", database);

        Assert.True(trainedExit == 0, trainOutput);
        Assert.Matches(@"churn: ROC AUC 0\.\d{3} vs RFM baseline 0\.\d{3}; PR AUC 0\.\d{3} vs 0\.\d{3}; top-decile lift \d\.\d{3} vs \d\.\d{3}; activated \((RFM logistic regression|boosted trees); no version was active\)", trainOutput.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal));
        Assert.Contains("Scored 23,570 profiles", trainOutput, StringComparison.Ordinal);
        await using (var db = Open(database))
        {
            Assert.Equal(23_570, await db.Profiles.CountAsync(p => p.ChurnRisk != null));
            var reasons = await db.Profiles.Select(p => p.ScoreReasonsJson).Take(500).ToListAsync();
            Assert.All(reasons, r => Assert.InRange(JsonDocument.Parse(r!).RootElement.GetProperty("ChurnRisk").GetArrayLength(), 1, 3));
        }
    }

    [Fact]
    public async Task An_import_that_stores_nothing_exits_non_zero_and_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("automation-history-").FullName;
        var file = Path.Combine(folder, "invoices.csv");
        await File.WriteAllTextAsync(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n536365,A,x,6,2010-12-01 08:26:00,2.55,,United Kingdom\n");

        var (exitCode, output) = await CliRun.RunAsync("import", file, "--format", "invoices", "--sqlite", Path.Combine(folder, "automation.db"));

        Assert.Equal(1, exitCode);
        Assert.Contains("nothing was stored: all 1 rows were skipped", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_with_ambiguous_dates_stops_before_storing_and_names_the_flag()
    {
        var folder = Directory.CreateTempSubdirectory("automation-history-").FullName;
        var file = Path.Combine(folder, "invoices.csv");
        await File.WriteAllTextAsync(file, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,x,1,1/2/2011 8:26,2.5,7,DE\n");

        var (exitCode, output) = await CliRun.RunAsync("import", file, "--format", "invoices", "--sqlite", Path.Combine(folder, "automation.db"));

        Assert.Equal(2, exitCode);
        Assert.Contains("ambiguous", output, StringComparison.Ordinal);
        Assert.Contains("--date-format", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "automation.db")));
    }

    private static SqliteAutomationDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteAutomationDbContext>().UseSqlite($"Data Source={path}").Options);
}
