using Automation.Engine.Workflows.Definitions;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// The triggers (type and key) of the published versions of enabled workflows, so that a segment or score message
/// no workflow listens to is dropped without a query. Every such message used to ask the database (a context and a
/// join each): a fifth of the host's CPU under a steady HTTP ingest with no workflow published. Publishing or
/// enabling in this process reloads at once; another process's change shows within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class PublishedTriggers
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly IDbContextFactory<AutomationDbContext> databases;
    private readonly RefreshedSnapshot<HashSet<(string Type, string? Key)>> triggers;

    public PublishedTriggers(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock)
    {
        this.databases = databases;
        triggers = new(clock, RefreshInterval, ReadAsync, []);
    }

    /// <summary>True when a published version of an enabled workflow starts on this trigger.</summary>
    public async ValueTask<bool> ListensAsync(string type, string? key, CancellationToken cancellationToken) =>
        (await triggers.CurrentAsync(cancellationToken)).Contains((type, key));

    /// <summary>A workflow was published, enabled or disabled: the next question reads the database again.</summary>
    public void Invalidate() => triggers.Invalidate();

    private async Task<HashSet<(string Type, string? Key)>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from v in db.WorkflowVersions.AsNoTracking()
            join w in db.Workflows.AsNoTracking() on v.WorkflowId equals w.Id
            where v.Status == WorkflowVersionStatus.Published && w.Enabled
            select new { v.TriggerType, v.TriggerKey }).Distinct().ToListAsync(cancellationToken);
        return rows.Select(r => (Type: r.TriggerType, Key: (string?)r.TriggerKey)).ToHashSet();
    }
}
