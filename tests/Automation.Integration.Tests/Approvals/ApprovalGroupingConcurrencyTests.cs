using Automation.Engine.Dispatch;
using Automation.Integration.Tests.Support;
using Automation.Storage;
using Automation.Storage.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Approvals;

/// <summary>Two consumers reaching one budget-affecting step at the same moment, on PostgreSQL.</summary>
public sealed class ApprovalGroupingConcurrencyTests
{
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres)]
    public async Task Two_concurrent_joins_of_one_step_form_one_approval_group_and_both_requests_are_in_it()
    {
        using var backends = BrokerAndDatabase.Create();
        using var host = AutomationHost.OnRabbitMqAndPostgres(backends, new Dictionary<string, string?> { ["Automation:Dispatch:ApprovalGroupSize"] = "3" });
        using var admin = await host.AdminAsync(); // the engine is up, its database migrated
        var databases = host.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        var grouping = host.Services.GetRequiredService<ApprovalGrouping>();
        var workflow = $"race-{Guid.NewGuid():N}"[..16];
        var now = DateTime.UtcNow;

        // Two requests already wait: a third one makes a group, and each consumer below brings a third.
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.Approvals.AddRange(Request(workflow, "waiting-1", now), Request(workflow, "waiting-2", now));
            await db.SaveChangesAsync();
        }

        await using var first = await databases.CreateDbContextAsync();
        await using var second = await databases.CreateDbContextAsync();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        var a = Request(workflow, "first", now);
        var b = Request(workflow, "second", now);
        first.Approvals.Add(a);
        second.Approvals.Add(b);

        await grouping.JoinAsync(first, a, now, CancellationToken.None);
        var secondJoin = grouping.JoinAsync(second, b, now, CancellationToken.None);
        // The second join must not decide while the first one's group is uncommitted.
        await Task.WhenAny(secondJoin, Task.Delay(TimeSpan.FromSeconds(1)));
        await first.SaveChangesAsync();
        await firstTransaction.CommitAsync();
        await secondJoin.WaitAsync(TimeSpan.FromSeconds(30));
        await second.SaveChangesAsync();
        await secondTransaction.CommitAsync();

        await using var check = await databases.CreateDbContextAsync();
        var groups = await check.ApprovalGroups.AsNoTracking().Where(g => g.WorkflowId == workflow).ToListAsync();
        var group = Assert.Single(groups);
        var members = await check.Approvals.AsNoTracking().Where(r => r.WorkflowId == workflow).Select(r => new { r.CustomerId, r.GroupId }).ToListAsync();
        Assert.Equal(4, members.Count);
        Assert.All(members, m => Assert.Equal(group.Id, m.GroupId));
    }

    private static ApprovalRequest Request(string workflow, string customer, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        ActionId = Guid.CreateVersion7(),
        WorkflowId = workflow,
        WorkflowVersion = 1,
        ActivityId = "spend",
        CustomerId = customer,
        ActionType = "proof.budget",
        EstimatedCost = 1m,
        Status = ApprovalStatus.Pending,
        RequestedAt = now,
        ExpiresAt = now.AddDays(1),
    };
}
