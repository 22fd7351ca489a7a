using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Automation.Storage;

/// <summary>
/// SQLite files whose WAL is checkpointed by a background service rather than by whichever writer's commit crosses
/// the auto-checkpoint mark: that commit otherwise copies pages back into the database and fsyncs while holding up
/// every writer queued behind it (a hundred milliseconds after a big processing batch, a tail-latency spike for a
/// dispatch). Connections to a registered file open with auto-checkpoints off.
/// </summary>
public static class SqliteBackgroundCheckpoints
{
    private static readonly ConcurrentDictionary<string, int> Files = new(StringComparer.Ordinal);

    public static void Register(string path) => Files.AddOrUpdate(Path.GetFullPath(path), 1, (_, n) => n + 1);

    public static void Unregister(string path) =>
        Files.AddOrUpdate(Path.GetFullPath(path), 0, (_, n) => Math.Max(0, n - 1));

    public static bool Covers(DbConnection connection) =>
        connection is SqliteConnection { DataSource: { Length: > 0 } source } && Files.GetValueOrDefault(Path.GetFullPath(source)) > 0;
}
