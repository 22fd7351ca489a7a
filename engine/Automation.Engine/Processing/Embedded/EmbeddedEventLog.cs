using Automation.Engine.Events;
using Automation.Storage;
using Automation.Storage.Events;
using Automation.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// The embedded log. In the engine process it is appended through the <see cref="EventInbox"/>, which stages a batch
/// while the file's writer is busy; without one (a command-line import) it is appended straight into the file.
/// </summary>
public sealed class EmbeddedEventLog(IDbContextFactory<AutomationDbContext> databases, EventInbox? inbox = null, EventTail? tail = null) : IEventLog
{
    public async Task<int> AppendAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return inbox is not null
            ? await inbox.AppendAsync(db, events, cancellationToken)
            : await SqliteEventAppender.AppendAsync(db, events, null, cancellationToken);
    }

    public long Staged(AutomationDbContext db) => inbox?.Unmoved(db) ?? 0;

    public async Task SettleAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        if (inbox is not null)
        {
            await inbox.MoveAsync(db, cancellationToken);
        }
    }

    public async Task<bool> ScrubAsync(AutomationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // The processor must not fold erased events it was handed at append: it reads the log instead.
        tail?.Clear();

        // secure_delete overwrote the rows in the files; the write-ahead logs still hold the pages as they were before.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await SqliteCheckpointer.TruncateAsync((SqliteConnection)db.Database.GetDbConnection(), cancellationToken)
            & (inbox is null || await inbox.TruncateLogAsync(cancellationToken));
    }
}
