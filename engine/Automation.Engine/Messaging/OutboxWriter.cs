using System.Diagnostics;
using System.Text.Json;
using Automation.Storage;
using Automation.Storage.Messaging;

namespace Automation.Engine.Messaging;

/// <summary>Adds a bus message to the outbox of the unit of work it belongs to; it leaves after commit.</summary>
public static class OutboxWriter
{
    public static void Publish<T>(AutomationDbContext db, T message, DateTime nowUtc)
        where T : class => Add(db, message, null, nowUtc);

    public static void Send<T>(AutomationDbContext db, T message, string queue, DateTime nowUtc)
        where T : class => Add(db, message, queue, nowUtc);

    /// <summary>The outbox row for a message, for callers that write rows set-based.</summary>
    public static OutboxMessage Message<T>(T message, string? destination, DateTime nowUtc)
        where T : class => new()
        {
            // Time-ordered, so the unique index on it takes appends rather than random inserts.
            MessageId = Guid.CreateVersion7(),
            MessageType = MessageTypes.NameOf(typeof(T)),
            Body = JsonSerializer.Serialize(message, MessageTypes.Json),
            Destination = destination,
            CreatedAt = nowUtc,
            TraceParent = Activity.Current is { Recorded: true } span ? span.Id : null,
        };

    private static void Add<T>(AutomationDbContext db, T message, string? destination, DateTime nowUtc)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Enqueue(Message(message, destination, nowUtc));
    }
}
