using Automation.Engine.Actions;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Runtime;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Support;

/// <summary>
/// The real runner and resumer over a migrated SQLite file with one published definition: start instances, deliver
/// events the way event processing does (each waiting instance resumed in the batch's unit of work), read what was stored.
/// </summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    private readonly TemporaryDatabase database;

    private WorkflowHarness(TemporaryDatabase database, WorkflowDefinition definition)
    {
        this.database = database;
        Definition = definition;
        var options = Options.Create(new AutomationOptions());
        var expressions = new ProfileExpressionCompiler();
        var catalog = new ActionCatalog();
        var services = new WorkflowServices(
            expressions,
            catalog,
            new DispatchPipeline(catalog, new DispatchGuards(options, new Automation.Engine.Privacy.CustomerPseudonyms()), new ApprovalGrouping(options), options, NullLogger<DispatchPipeline>.Instance),
            new RuleSetCatalog(database, new RuleSetCompiler(expressions), new PluginRuleSets([]), TimeProvider.System, NullLogger<RuleSetCatalog>.Instance),
            options);
        Runner = new WorkflowRunner(new ActivityRegistry(), services, new FeatureCalculator(options));
        Resumer = new InstanceResumer(new DefinitionCache(), Runner);
    }

    public WorkflowDefinition Definition { get; }

    public WorkflowRunner Runner { get; }

    public InstanceResumer Resumer { get; }

    public DateTime Now { get; set; } = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public static async Task<WorkflowHarness> CreateAsync(WorkflowDefinition definition)
    {
        var database = await TemporaryDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        db.Workflows.Add(new WorkflowRecord { Id = definition.Id, Name = definition.Name, PublishedVersion = 1, LatestVersion = 1 });
        db.WorkflowVersions.Add(new WorkflowVersionRecord
        {
            WorkflowId = definition.Id,
            Version = 1,
            DefinitionJson = WorkflowJson.Write(definition),
            Status = WorkflowVersionStatus.Published,
            TriggerType = TriggerTypes.SegmentEntered,
        });
        await db.SaveChangesAsync();
        return new WorkflowHarness(database, definition);
    }

    public AutomationDbContext Db() => database.CreateDbContext();

    public async Task<Guid> StartAsync(string customerId)
    {
        await using var db = Db();
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid(),
            WorkflowId = Definition.Id,
            Version = 1,
            CustomerId = customerId,
            ActiveKey = WorkflowStarter.ActiveKey(Definition.Id, customerId),
            StartedAt = Now,
            Status = WorkflowInstanceStatus.Running,
        };
        db.WorkflowInstances.Add(instance);
        await Runner.RunFromStartAsync(db, Definition, instance, null, Now, CancellationToken.None);
        await db.SaveChangesAsync();
        return instance.Id;
    }

    /// <summary>The customer's events of these types arrive in one batch: every instance waiting for one of them resumes.</summary>
    public async Task<int> EventsAsync(string customerId, params string[] types)
    {
        await using var db = Db();
        var resumed = await ResumeWaitingAsync(db, customerId, types);
        await db.SaveChangesAsync();
        return resumed;
    }

    /// <summary>Resumes in the given unit of work without saving, as one of two engine processes would.</summary>
    public async Task<int> ResumeWaitingAsync(AutomationDbContext db, string customerId, params string[] types)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = await db.WorkflowInstances.Where(i => i.CustomerId == customerId && i.Status == WorkflowInstanceStatus.Waiting && i.WaitingForEvent != null).ToListAsync();
        var resumed = 0;
        foreach (var instance in waiting.Where(i => i.Status == WorkflowInstanceStatus.Waiting && types.Contains(i.WaitingForEvent)))
        {
            resumed++;
            await Resumer.ResumeAsync(db, instance, "event", $"{instance.WaitingForEvent} happened", Now, CancellationToken.None);
        }

        return resumed;
    }

    public async Task<List<WorkflowInstance>> InstancesAsync()
    {
        await using var db = Db();
        return await db.WorkflowInstances.AsNoTracking().OrderBy(i => i.StartedAt).ToListAsync();
    }

    public async Task<List<WorkflowStep>> StepsAsync(Guid instanceId)
    {
        await using var db = Db();
        return await db.WorkflowSteps.AsNoTracking().Where(s => s.InstanceId == instanceId).OrderBy(s => s.Id).ToListAsync();
    }

    public async Task<SimulationRecorder> SimulateAsync(string customerId)
    {
        await using var db = Db();
        var recorder = new SimulationRecorder();
        var instance = new WorkflowInstance { Id = Guid.NewGuid(), WorkflowId = Definition.Id, Version = 1, CustomerId = customerId, StartedAt = Now };
        await Runner.RunFromStartAsync(db, Definition, instance, null, Now, CancellationToken.None, recorder);
        Assert.Empty(db.ChangeTracker.Entries()); // a dry run adds nothing to the unit of work
        return recorder;
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
