using Automation.Storage.Events;
using Microsoft.Data.Sqlite;

namespace Automation.Storage.Backup;

/// <summary>
/// Backups of the embedded default: SQLite's online backup API copies the engine file (and its inbox of batches not
/// yet moved into the log) page by page into a consistent snapshot while the host goes on writing; a restore puts such
/// a copy back, only while no host holds the file.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the engine file and its inbox to <paramref name="target"/> and target-inbox; returns the files written.</summary>
    public static IReadOnlyList<string> Create(string engineFile, string target)
    {
        var source = Path.GetFullPath(engineFile);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"no engine database at {source}", source);
        }

        var copy = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        List<string> written = [copy];
        Copy(source, copy);
        if (File.Exists(SqliteInboxRows.PathFor(source)))
        {
            Copy(SqliteInboxRows.PathFor(source), SqliteInboxRows.PathFor(copy));
            written.Add(SqliteInboxRows.PathFor(copy));
        }

        return written;
    }

    /// <summary>What PRAGMA integrity_check says of a file: "ok" when it is sound.</summary>
    public static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(file), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return string.Join("; ", Read(command));
    }

    /// <summary>Puts a backup back in place of the engine file; refused while a host holds it.</summary>
    public static void Restore(string backup, string engineFile)
    {
        var source = Path.GetFullPath(backup);
        var target = Path.GetFullPath(engineFile);
        if (IntegrityCheck(source) is var check && check != "ok")
        {
            throw new InvalidOperationException($"{source} is not a sound database ({check}); nothing was restored");
        }

        using var held = EngineFileLock.TryTake(target)
            ?? throw new InvalidOperationException($"a running host holds {target}; stop it before restoring (nothing was restored)");
        foreach (var stale in new[] { target + "-wal", target + "-shm", SqliteInboxRows.PathFor(target), SqliteInboxRows.PathFor(target) + "-wal", SqliteInboxRows.PathFor(target) + "-shm" })
        {
            File.Delete(stale);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        Copy(source, target);
        if (File.Exists(SqliteInboxRows.PathFor(source)))
        {
            Copy(SqliteInboxRows.PathFor(source), SqliteInboxRows.PathFor(target));
        }
    }

    private static void Copy(string from, string to)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Pooling = false, DefaultTimeout = 30 }.ToString());
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString());
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);
    }

    private static IEnumerable<string> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }
}
