using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Engine.Processing.Embedded;
using Automation.Storage.Events;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Events;

public sealed class EventTailTests
{
    [Fact]
    public void Batches_appended_one_after_another_are_handed_over_in_log_order()
    {
        var tail = Tail();
        tail.Appended(0, Events(1, 3));
        tail.Appended(3, Events(4, 6));

        Assert.Equal([1L, 2, 3, 4], Sequences(tail.Take(0, 4)));
        Assert.Equal([5L, 6], Sequences(tail.Take(4, 10)));
        Assert.Empty(tail.Take(6, 10));
        Assert.Equal(0, tail.Count);
    }

    [Fact]
    public void Rows_another_writer_appended_in_between_stop_the_hand_over_at_the_gap()
    {
        var tail = Tail();
        tail.Appended(0, Events(1, 2));
        tail.Appended(5, Events(6, 7));

        Assert.Equal([1L, 2], Sequences(tail.Take(0, 10)));

        // 3 to 5 are another writer's: the processor reads them from the log, then the tail goes on after them.
        Assert.Empty(tail.Take(2, 10));
        Assert.Equal([6L, 7], Sequences(tail.Take(5, 10)));
    }

    [Fact]
    public void Events_the_processor_already_read_from_the_log_are_dropped()
    {
        var tail = Tail();
        tail.Appended(0, Events(1, 4));
        tail.Appended(4, Events(5, 8));

        Assert.Equal([3L, 4, 5], Sequences(tail.Take(2, 3)));
        Assert.Equal([8L], Sequences(tail.Take(7, 10)));
    }

    [Fact]
    public void A_full_tail_keeps_nothing_more_and_the_log_serves_the_rest()
    {
        var tail = Tail(capacity: 3);
        tail.Appended(0, Events(1, 2));
        tail.Appended(2, Events(3, 4));
        tail.Appended(4, Events(5, 5));

        Assert.Equal(3, tail.Count);
        Assert.Equal([1L, 2], Sequences(tail.Take(0, 10)));
        Assert.Empty(tail.Take(2, 10));
        Assert.Equal([5L], Sequences(tail.Take(4, 10)));
    }

    [Fact]
    public void After_erasure_clears_it_every_event_comes_from_the_log()
    {
        var tail = Tail();
        tail.Appended(0, Events(1, 3));
        tail.Clear();

        Assert.Empty(tail.Take(0, 10));
        Assert.Equal(0, tail.Count);
    }

    private static EventTail Tail(int capacity = 1000) =>
        new(Options.Create(new AutomationOptions { Processing = { TailCapacity = capacity } }));

    private static List<StoredEvent> Events(long first, long last) =>
        [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(s => new StoredEvent { Sequence = s, EventId = $"e{s}", CustomerId = "c1", Type = EventTypes.PageView })];

    private static long[] Sequences(List<StoredEvent> events) => [.. events.Select(e => e.Sequence)];
}
