using Automation.Storage;
using Microsoft.Data.Sqlite;

namespace Automation.Host.Storage;

/// <summary>
/// Checkpoints the embedded database's WAL twice a second, off every writer's path (see
/// <see cref="SqliteBackgroundCheckpoints"/>). PASSIVE never waits for readers or writers: it copies what it can, and
/// the WAL starts over once everything is copied. The file is registered before migrations run (so every pooled
/// connection opens with auto-checkpoints off) and released when the host stops.
/// </summary>
public sealed partial class SqliteCheckpointService(string path, ILogger<SqliteCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        SqliteBackgroundCheckpoints.Unregister(path);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                if (connection.State != System.Data.ConnectionState.Open)
                {
                    await connection.OpenAsync(stoppingToken);
                }

                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await checkpoint.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SqliteException ex)
            {
                LogCheckpointFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; trying again shortly")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception ex);
}
