using System.Text.Json;
using Automation.Engine.Actions;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Engine.Workflows.Runtime;
using Automation.Plugins.Sdk;
using Automation.Storage;
using Automation.Storage.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Workflows.Schedules;

/// <summary>A segment member on the way into a workflow, with the reasons it is a member.</summary>
public sealed record AudienceMember(string CustomerId, string ReasonsJson);

/// <summary>
/// Brings a segment's members to the door into workflows a page at a time, in the caller's transaction: the path a
/// scheduled audience takes and the one publishing takes when asked to start a segment's current members too. Each
/// member passes the decisions and the re-entry policy at the door and the guards when its actions dispatch.
/// </summary>
public sealed class AudienceEntrance(WorkflowDoor door, ProfileStore store, IActionDispatch dispatch)
{
    public const int PageSize = 500;

    /// <summary>The next page of the segment's members after <paramref name="after"/> (by customer id).</summary>
    public static Task<List<AudienceMember>> NextPageAsync(AutomationDbContext db, string segment, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SegmentMemberships.AsNoTracking()
            .Where(m => m.SegmentKey == segment && (after == null || string.Compare(m.CustomerId, after) > 0))
            .OrderBy(m => m.CustomerId).Take(PageSize).Select(m => new AudienceMember(m.CustomerId, m.ReasonsJson)).ToListAsync(cancellationToken);
    }

    /// <summary>Brings each member to the door with the entry <paramref name="entryFor"/> makes; returns how many instances started.</summary>
    /// <remarks>
    /// <paramref name="nowUtc"/> is the entries' time: the guards' facts are loaded for it, and a request made at another
    /// moment would miss them and ask the database again, one frequency count per action.
    /// </remarks>
    public async Task<int> EnterAsync(
        AutomationDbContext db, string workflowId, IReadOnlyList<AudienceMember> members, DateTime nowUtc, Func<AudienceMember, IReadOnlyList<ReasonCode>, CustomerProfile?, WorkflowEntry> entryFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(entryFor);
        var ids = members.Select(m => m.CustomerId).ToArray();
        await HoldWhatTheDoorAsksAsync(db, workflowId, ids, cancellationToken);
        var profiles = await db.Profiles.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, StringComparer.Ordinal, cancellationToken);
        var current = members.Select(m => (m.CustomerId, store.Current(m.CustomerId) ?? profiles.GetValueOrDefault(m.CustomerId))).ToList();

        // The guards' facts for the whole page (consent, recent actions) in two queries, instead of two per action.
        await dispatch.PrepareAsync(db, current, nowUtc, cancellationToken);
        var started = 0;
        foreach (var (member, (_, profile)) in members.Zip(current))
        {
            var reasons = JsonSerializer.Deserialize<List<ReasonCode>>(member.ReasonsJson, MessageTypes.Json) ?? [];
            started += (await door.EnterAsync(db, entryFor(member, reasons, profile), cancellationToken)).Count;
        }

        return started;
    }

    /// <summary>The page's re-entry history and active instances in two queries, instead of two per member.</summary>
    private static async Task HoldWhatTheDoorAsksAsync(AutomationDbContext db, string workflowId, string[] ids, CancellationToken cancellationToken)
    {
        await WorkflowEntries.LoadAsync(db, ids, cancellationToken);
        var activeKeys = ids.Select(id => WorkflowStarter.ActiveKey(workflowId, id)).ToArray();
        var active = await db.WorkflowInstances.Where(i => i.ActiveKey != null && EF.Parameter(activeKeys).Contains(i.ActiveKey)).ToListAsync(cancellationToken);
        WorkflowStarter.HoldActiveInstances(db, activeKeys, active);
    }
}
