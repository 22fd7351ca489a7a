using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Definitions;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// Brings a customer who crossed a segment or score threshold (a bus event) to the door into workflows
/// (<see cref="WorkflowDoor"/>), once per message.
/// </summary>
public sealed class WorkflowTriggerConsumer(
    IDbContextFactory<AutomationDbContext> databases, WorkflowDoor door, PublishedTriggers published, ProfileStore store, OutboxSignal outbox, TimeProvider clock)
    : MassTransit.IConsumer<SegmentEntered>, MassTransit.IConsumer<SegmentExited>, MassTransit.IConsumer<ScoreThresholdCrossed>
{
    public Task Consume(MassTransit.ConsumeContext<SegmentEntered> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        return StartAsync(context.MessageId, TriggerTypes.SegmentEntered, m.Segment, new TriggerInfo(TriggerTypes.SegmentEntered, m.Segment, m.Reasons), m.CustomerId, context.CancellationToken);
    }

    public Task Consume(MassTransit.ConsumeContext<SegmentExited> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        return StartAsync(context.MessageId, TriggerTypes.SegmentExited, m.Segment, new TriggerInfo(TriggerTypes.SegmentExited, m.Segment, []), m.CustomerId, context.CancellationToken);
    }

    public Task Consume(MassTransit.ConsumeContext<ScoreThresholdCrossed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        // Only the workflows watching this threshold in this direction: a rise past 0.5 does not start a 0.8 workflow.
        return StartAsync(
            context.MessageId, TriggerTypes.ScoreCrossed, m.Score, new TriggerInfo(TriggerTypes.ScoreCrossed, null, m.Reasons), m.CustomerId, context.CancellationToken,
            t => t.Threshold is { } threshold && Math.Abs(threshold - m.Threshold) < 1e-9 && string.Equals(t.Direction, m.Direction, StringComparison.Ordinal));
    }

    /// <summary>The trigger (type, key) a segment or score message may start workflows on; null for any other message.</summary>
    public static (string Type, string Key)? TriggerOf(object message) => message switch
    {
        SegmentEntered m => (TriggerTypes.SegmentEntered, m.Segment),
        SegmentExited m => (TriggerTypes.SegmentExited, m.Segment),
        ScoreThresholdCrossed m => (TriggerTypes.ScoreCrossed, m.Score),
        _ => null,
    };

    private async Task StartAsync(Guid? messageId, string type, string key, TriggerInfo trigger, string customerId, CancellationToken cancellationToken, Func<TriggerDefinition, bool>? matches = null)
    {
        // Most segment and score messages start nothing (no published workflow listens): they then open no context and
        // take no write transaction, which on the embedded default queues behind the event processor's.
        if (!await published.ListensAsync(type, key, cancellationToken))
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (messageId is { } id && !await ConsumedMessages.TryMarkAsync(db, id, type, now, cancellationToken))
        {
            return; // redelivered: the first delivery already started what it should
        }

        // Under a backlog the embedded default writes profiles behind: the processor's copy is as new as the message.
        var profile = store.Current(customerId) ?? await db.Profiles.FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        await door.EnterAsync(db, new WorkflowEntry(type, key, trigger, customerId, profile, now) { Matches = matches }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Notify();
    }
}
