using System.Collections.Concurrent;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Access;

/// <summary>
/// When each API key was last used. A use is noted in memory (no write on the ingestion path); once a minute the keys
/// used since are written, one row update per key, and once more when the host stops.
/// </summary>
public sealed partial class ApiKeyUsage(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, ILogger<ApiKeyUsage> logger) : BackgroundService
{
    public static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTime> used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> written = new(StringComparer.Ordinal);

    public void Record(string keyHash) => used[keyHash] = clock.GetUtcNow().UtcDateTime;

    /// <summary>The last use this process saw, which may be newer than the stored one.</summary>
    public DateTime? LastUsed(string keyHash) => used.TryGetValue(keyHash, out var at) ? at : null;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(WriteEvery, clock, stoppingToken);
                await WriteAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var due = used.Where(u => !written.TryGetValue(u.Key, out var at) || at < u.Value).ToList();
        if (due.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            foreach (var (hash, at) in due)
            {
                await db.ApiKeys.Where(k => k.KeyHash == hash && (k.LastUsedAt == null || k.LastUsedAt < at))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), cancellationToken);
                written[hash] = at;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "API key last-used times could not be written; they are tried again in a minute")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
