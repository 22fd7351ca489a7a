using Automation.Engine.Configuration;
using Automation.Storage.Events;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Processing.Embedded;

/// <summary>
/// The events this process just appended to the embedded log, held for its processor so that it need not read back
/// what it was handed a moment ago (reading a batch cost about 5 µs an event, half an append). Each appended batch
/// is kept with the log's highest sequence before it: every row between that and the batch's last sequence is the
/// batch's own (it was written under the file's one write lock), so the processor can tell when its next events are
/// all here and when another writer's rows lie between — then it reads the log, as it does after a restart or when
/// the tail is full. Thread-safe: appenders add under the write gate, the processor takes between batches.
/// </summary>
public sealed class EventTail(IOptions<AutomationOptions> options)
{
    private readonly Lock sync = new();
    private readonly Queue<Chunk> chunks = new();
    private int held;

    /// <summary>How many events are held.</summary>
    public int Count
    {
        get
        {
            lock (sync)
            {
                return held;
            }
        }
    }

    /// <summary>
    /// Keeps a committed batch: <paramref name="previousMax"/> is the log's highest sequence before it, and
    /// <paramref name="stored"/> the rows it added, in sequence order. A full tail keeps nothing: the log has them.
    /// </summary>
    public void Appended(long previousMax, List<StoredEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (sync)
        {
            if (stored.Count == 0 || held + stored.Count > options.Value.Processing.TailCapacity)
            {
                return;
            }

            chunks.Enqueue(new Chunk(previousMax, stored));
            held += stored.Count;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> events that follow <paramref name="cursor"/> in the log without a gap, oldest first;
    /// fewer (or none) when the tail runs out or another writer's rows come next. Events at or below the cursor are dropped.
    /// </summary>
    public List<StoredEvent> Take(long cursor, int max)
    {
        var taken = new List<StoredEvent>();
        lock (sync)
        {
            var after = cursor;
            while (taken.Count < max && chunks.TryPeek(out var head))
            {
                if (head.Last <= after)
                {
                    held -= head.Remaining;
                    chunks.Dequeue();
                    continue;
                }

                if (head.Start > after)
                {
                    // Rows the tail never saw lie between: the log has them.
                    break;
                }

                while (head.Next < head.Events.Count && head.Events[head.Next].Sequence <= after)
                {
                    head.Next++;
                    held--;
                }

                while (head.Next < head.Events.Count && taken.Count < max)
                {
                    taken.Add(head.Events[head.Next++]);
                    held--;
                }

                after = taken.Count > 0 ? taken[^1].Sequence : after;
                head.Start = after;
                if (head.Next == head.Events.Count)
                {
                    chunks.Dequeue();
                }
            }
        }

        return taken;
    }

    /// <summary>Drops everything held (events were erased from the log): the processor reads the log.</summary>
    public void Clear()
    {
        lock (sync)
        {
            chunks.Clear();
            held = 0;
        }
    }

    private sealed class Chunk(long start, List<StoredEvent> events)
    {
        /// <summary>Every row after this sequence up to <see cref="Last"/> is one of <see cref="Events"/> from <see cref="Next"/> on.</summary>
        public long Start { get; set; } = start;

        public List<StoredEvent> Events { get; } = events;

        public int Next { get; set; }

        public long Last => Events[^1].Sequence;

        public int Remaining => Events.Count - Next;
    }
}
