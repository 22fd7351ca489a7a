using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Segments;
using Automation.Engine.Tests.Support;
using Automation.Engine.Tests.Workflows;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Goals;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage.Messaging;
using Automation.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Automation.Engine.Tests.Messaging;

public sealed class OutboxEnvelopeRelayTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_batchs_segment_messages_are_one_outbox_row_and_are_published_in_order_each_with_its_own_id()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var bus = await BusAsync();
        var writes = new ProfileWrites();
        writes.Publish(new SegmentEntered("c-1", "at-risk", [new ReasonCode("DaysSinceLastPurchase", "40", "40 days since the last purchase")], Now), Now);
        writes.Publish(new SegmentExited("c-1", "champions", "no longer meets the segment's expression", Now), Now);
        writes.Publish(new SegmentEntered("c-2", "at-risk", [], Now), Now);
        Assert.Equal(1, await CommitAsync(database, writes));

        Assert.Equal(1, await Relay(database, bus).RelayOnceAsync(CancellationToken.None));

        var published = bus.Harness.Published.Select(_ => true).ToList();
        Assert.Equal(["SegmentEntered:c-1", "SegmentExited:c-1", "SegmentEntered:c-2"], published.Select(Describe));
        Assert.Equal(3, published.Select(p => p.Context.MessageId).Distinct().Count());
        var reasons = Assert.Single(published.Select(p => p.MessageObject).OfType<SegmentEntered>().First().Reasons);
        Assert.Equal("40 days since the last purchase", reasons.Text);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(0, await db.Outbox.CountAsync());
        }
    }

    [Fact]
    public async Task Hundreds_of_messages_fill_several_rows_and_are_relayed_in_their_order()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var bus = await BusAsync();
        var writes = new ProfileWrites();
        for (var i = 0; i < 250; i++)
        {
            writes.Publish(new SegmentEntered("c-" + i, "at-risk", [], Now), Now);
        }

        Assert.Equal(3, await CommitAsync(database, writes));

        Assert.Equal(3, await Relay(database, bus).RelayOnceAsync(CancellationToken.None));

        Assert.Equal(Enumerable.Range(0, 250).Select(i => "SegmentEntered:c-" + i), bus.Harness.Published.Select(_ => true).Select(Describe));
    }

    [Fact]
    public async Task An_envelope_that_fails_part_way_keeps_only_the_messages_not_yet_published()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using var bus = await BusAsync();
        var envelope = Assert.Single(OutboxEnvelope.Create([new SegmentEntered("c-1", "at-risk", [], Now), new SegmentEntered("c-2", "at-risk", [], Now), new SegmentEntered("c-3", "at-risk", [], Now)], Now));
        var items = OutboxEnvelope.Read(envelope.Body);

        // The second message names a contract this engine does not know: publishing it fails.
        envelope.Body = OutboxEnvelope.Write([items[0], items[1] with { Type = "Retired" }, items[2]]);
        await using (var db = database.CreateDbContext())
        {
            db.Outbox.Add(envelope);
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Relay(database, bus).RelayOnceAsync(CancellationToken.None));

        Assert.Equal(["SegmentEntered:c-1"], bus.Harness.Published.Select(_ => true).Select(Describe));
        await using (var db = database.CreateDbContext())
        {
            var left = OutboxEnvelope.Read((await db.Outbox.SingleAsync()).Body);
            Assert.Equal(["Retired", "SegmentEntered"], left.Select(i => i.Type));
            Assert.Equal([items[1].Id, items[2].Id], left.Select(i => i.Id));
        }
    }

    [Fact]
    public async Task On_a_bus_only_this_process_hears_segment_messages_no_published_workflow_listens_to_leave_the_outbox_unsent()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Segments.AddRange(BuiltInSegments.All());
            await db.SaveChangesAsync();
        }

        var clock = new FrozenClock();
        var triggers = new PublishedTriggers(database, clock);
        var workflows = new WorkflowService(database, WorkflowDefinitionValidatorTests.Validator(), new DefinitionCache(), triggers, new GoalWorkflows(database, clock), clock);
        var onboarding = WorkflowJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Workflows, "new-customer-onboarding.json")));
        await workflows.SaveDraftAsync(onboarding, "mia", mustBeNew: true, CancellationToken.None);
        await workflows.PublishAsync(onboarding.Id, "mia", CancellationToken.None);
        await using var bus = await BusAsync();
        var writes = new ProfileWrites();
        writes.Publish(new SegmentEntered("c-1", "at-risk", [], Now), Now);
        writes.Publish(new SegmentEntered("c-2", "new-customers", [], Now), Now);
        writes.Publish(new SegmentExited("c-3", "new-customers", "no longer meets the segment's expression", Now), Now);
        await CommitAsync(database, writes);

        var relay = new OutboxRelay(bus.Provider.GetRequiredService<IServiceScopeFactory>(), database, new OutboxSignal(), NullLogger<OutboxRelay>.Instance, new InProcessAudience(triggers));
        Assert.Equal(1, await relay.RelayOnceAsync(CancellationToken.None));

        // The onboarding workflow starts on entering new-customers: that message goes out, the others are dropped.
        Assert.Equal(["SegmentEntered:c-2"], bus.Harness.Published.Select(_ => true).Select(Describe));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(0, await db.Outbox.CountAsync());
        }
    }

    private static string Describe(IPublishedMessage published) => published.MessageObject switch
    {
        SegmentEntered entered => "SegmentEntered:" + entered.CustomerId,
        SegmentExited exited => "SegmentExited:" + exited.CustomerId,
        var other => other.GetType().Name,
    };

    /// <summary>Writes the gathered rows in a transaction of their own, as a batch does; returns the outbox rows then stored.</summary>
    private static async Task<int> CommitAsync(TemporaryDatabase database, ProfileWrites writes)
    {
        await using var db = database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await writes.WriteAsync(db, CancellationToken.None);
        await transaction.CommitAsync();
        return await db.Outbox.CountAsync();
    }

    private static OutboxRelay Relay(TemporaryDatabase database, Bus bus) =>
        new(bus.Provider.GetRequiredService<IServiceScopeFactory>(), database, new OutboxSignal(), NullLogger<OutboxRelay>.Instance);

    private static async Task<Bus> BusAsync()
    {
        var provider = new ServiceCollection().AddMassTransitTestHarness(_ => { }).BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return new Bus(provider, harness);
    }

    private sealed record Bus(ServiceProvider Provider, ITestHarness Harness) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Harness.Stop();
            await Provider.DisposeAsync();
        }
    }
}
