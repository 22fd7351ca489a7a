using System.Net;
using System.Text;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Automation.Storage.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Privacy;

/// <summary>
/// Erasing a customer leaves nothing of their personal data: not in any API, not in any table, and on the embedded
/// default not in the bytes of the SQLite file, its write-ahead log or the inbox file beside it. Their opt-out holds.
/// </summary>
public sealed class ErasureTests
{
    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Erased_customer_is_in_no_api_and_no_byte_of_the_sqlite_files_and_their_suppression_still_holds()
    {
        using var host = AutomationHost.Embedded();
        using var admin = await host.AdminAsync();
        var scenario = ErasureScenario.New();
        await scenario.LiveAsync(host, admin);
        var sqlite = Path.Combine(host.Folder, "automation.db");
        var inbox = SqliteInboxRows.PathFor(sqlite);

        // More of their events arrive while the file's writer is busy: they wait in the inbox file when erasure starts.
        Task<JsonElement> erasing;
        await using (var writer = await HoldWriterAsync(host))
        {
            var now = DateTime.UtcNow;
            await PostAsync(host, Event(scenario.Customer, "identify", now, new { email = scenario.Email, name = scenario.Name, phone = scenario.Phone }), Event(scenario.Customer, "page_view", now));
            Assert.Equal(2, SqliteInboxRows.Count(inbox));
            Assert.NotEmpty(FilesHolding(host.Folder, scenario.Traces));
            erasing = scenario.EraseAsync(admin);
            await Task.Delay(200);
        }

        var erased = await erasing;
        var pseudonym = erased.GetProperty("pseudonym").GetString()!;
        Assert.StartsWith("erased-", pseudonym, StringComparison.Ordinal);
        Assert.Equal(5, erased.GetProperty("removed").GetProperty("events").GetInt32());
        Assert.True(erased.GetProperty("removed").GetProperty("profile").GetBoolean());
        Assert.Equal(1, erased.GetProperty("pseudonymized").GetProperty("actions").GetInt32());
        Assert.Equal(0, SqliteInboxRows.Count(inbox));

        // The database, its -wal and -shm, the inbox and its -wal and -shm, read as raw bytes.
        Assert.True(File.Exists(inbox));
        Assert.Empty(FilesHolding(host.Folder, scenario.Traces));

        await scenario.AssertNoTraceInTheApiAsync(admin, pseudonym);
        await scenario.AssertTheSuppressionStillHoldsAsync(host, admin);
    }

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task Erased_customer_is_in_no_api_on_rabbitmq_and_postgresql_and_their_suppression_still_holds()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        using var admin = await host.AdminAsync();
        var scenario = ErasureScenario.New();
        await scenario.LiveAsync(host, admin);

        var erased = await scenario.EraseAsync(admin);
        var pseudonym = erased.GetProperty("pseudonym").GetString()!;
        Assert.Equal(3, erased.GetProperty("removed").GetProperty("events").GetInt32());
        await scenario.AssertNoTraceInTheApiAsync(admin, pseudonym);

        // Every table, as text: no row names them any more.
        await using (var scope = host.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync())
        {
            var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync();
            Assert.Contains("actions", tables);
            foreach (var table in tables)
            {
                // A name from information_schema, not input: it cannot be a parameter.
                var everyRow = "SELECT t::text AS \"Value\" FROM \"" + table + "\" t";
                var rows = string.Join('\n', await db.Database.SqlQueryRaw<string>(everyRow).ToListAsync());
                foreach (var trace in scenario.Traces)
                {
                    Assert.False(rows.Contains(trace, StringComparison.OrdinalIgnoreCase), $"table {table} still holds '{trace}'");
                }
            }
        }

        await scenario.AssertTheSuppressionStillHoldsAsync(host, admin);
    }

    /// <summary>The files under the folder whose bytes hold any of the values, in UTF-8 or UTF-16 (either byte order).</summary>
    private static List<string> FilesHolding(string folder, IReadOnlyList<string> values)
    {
        var patterns = values.SelectMany(v => new[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode }.Select(e => (Value: v, Bytes: e.GetBytes(v)))).ToList();
        var found = new List<string>();
        // The host holds its lock file (empty) exclusively; it holds no data.
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("-lock", StringComparison.Ordinal)))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            found.AddRange(patterns.Where(p => bytes.AsSpan().IndexOf(p.Bytes) >= 0).Select(p => $"{Path.GetFileName(file)}: {p.Value}"));
        }

        return found;
    }

    /// <summary>An open write transaction on the engine file: every other writer of the process queues behind it.</summary>
    private static async Task<HeldWriter> HoldWriterAsync(AutomationHost host)
    {
        var db = await host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();
        var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE processing_checkpoints SET \"Sequence\" = \"Sequence\" WHERE 0");
        return new HeldWriter(db, transaction);
    }

    private sealed class HeldWriter(AutomationDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
