using Automation.Engine.Tests.Support;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage.Workflows;

namespace Automation.Engine.Tests.Workflows;

public sealed class WorkflowEntriesTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_batch_knows_each_customers_last_entry_per_workflow_and_counts_a_start_of_its_own_at_once()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        await using (var seed = database.CreateDbContext())
        {
            seed.WorkflowInstances.AddRange(
                Instance("cart-recovery", "ann", Now.AddDays(-9)),
                Instance("cart-recovery", "ann", Now.AddDays(-3)),
                Instance("cart-recovery", "ann", Now.AddDays(-1), parent: Guid.NewGuid()), // a fork's branch, not an entry
                Instance("vip-concierge", "bob", Now.AddDays(-20)));
            await seed.SaveChangesAsync();
        }

        await using var db = database.CreateDbContext();
        await WorkflowEntries.LoadAsync(db, ["ann", "bob", "cy"], CancellationToken.None);

        Assert.True(WorkflowEntries.TryLastEntered(db, "cart-recovery", "ann", out var ann));
        Assert.Equal(Now.AddDays(-3), ann);
        Assert.True(WorkflowEntries.TryLastEntered(db, "cart-recovery", "bob", out var bobInCart));
        Assert.Null(bobInCart);
        Assert.True(WorkflowEntries.TryLastEntered(db, "cart-recovery", "cy", out var cy));
        Assert.Null(cy);
        Assert.False(WorkflowEntries.TryLastEntered(db, "cart-recovery", "dee", out _)); // not in the batch: ask the database

        WorkflowEntries.Entered(db, Instance("cart-recovery", "cy", Now));
        Assert.True(WorkflowEntries.TryLastEntered(db, "cart-recovery", "cy", out var cyNow));
        Assert.Equal(Now, cyNow);
    }

    private static WorkflowInstance Instance(string workflowId, string customerId, DateTime startedAt, Guid? parent = null) => new()
    {
        Id = Guid.NewGuid(),
        WorkflowId = workflowId,
        Version = 1,
        CustomerId = customerId,
        Status = WorkflowInstanceStatus.Completed,
        StartedAt = startedAt,
        EndedAt = startedAt.AddHours(1),
        ParentInstanceId = parent,
    };
}
