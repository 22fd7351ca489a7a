using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Automation.Engine.Profiles;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Profiles;

public sealed class ProfileStoreTests
{
    private static readonly DateTime At = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_flush_writes_each_changed_profile_once_however_often_it_changed()
    {
        var store = NewStore();
        var ann = store.Changed(ProfileUpdater.NewProfile("ann", At), ProfileState.Empty());
        store.Changed(ProfileUpdater.NewProfile("bob", At), ProfileState.Empty());
        store.Changed(ann);
        store.Changed(ann.Profile, ann.State);

        Assert.Equal(2, store.Dirty);
        Assert.Equal(["ann", "bob"], store.TakeChanged().Rows.Select(r => r.CustomerId));
        Assert.Equal(0, store.Dirty);
        Assert.Empty(store.TakeChanged().Rows);
    }

    [Fact]
    public void An_erased_customer_changed_before_the_erasure_is_not_written_back()
    {
        var store = NewStore();
        var ann = store.Changed(ProfileUpdater.NewProfile("ann", At), ProfileState.Empty());
        store.Changed(ProfileUpdater.NewProfile("bob", At), ProfileState.Empty());

        store.Forget("ann");

        Assert.Equal(1, store.Dirty);
        Assert.Equal(["bob"], store.TakeChanged().Rows.Select(r => r.CustomerId));
        Assert.Throws<InvalidOperationException>(() => store.Changed(ann));
    }

    [Fact]
    public void A_customer_seen_again_after_an_erasure_starts_a_profile_that_is_written()
    {
        var store = NewStore();
        store.Changed(ProfileUpdater.NewProfile("ann", At), ProfileState.Empty());
        store.Forget("ann");

        var again = store.Changed(ProfileUpdater.NewProfile("ann", At.AddDays(1)), ProfileState.Empty());

        Assert.True(store.TryGet("ann", out var held));
        Assert.Same(again, held);
        Assert.Equal([At.AddDays(1)], store.TakeChanged().Rows.Select(r => r.FirstSeen));
    }

    private static ProfileStore NewStore() =>
        new(null!, Options.Create(new AutomationOptions()), TimeProvider.System, new ProcessingTimings());
}
