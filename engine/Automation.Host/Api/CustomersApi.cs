using System.Text.Json;
using Automation.Engine.Audit;
using Automation.Engine.Events;
using Automation.Engine.Messaging;
using Automation.Engine.Privacy;
using Automation.Engine.Processing.Embedded;
using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;
using Automation.Engine.Segments;
using Automation.Host.Access;
using Automation.Plugins.Sdk;
using Automation.Storage;
using Automation.Storage.Dispatch;
using Automation.Storage.Events;
using Automation.Storage.Sqlite;
using Automation.Storage.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class CustomersApi
{
    public static void MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").RequireAuthorization(Policies.ReadPeople).WithTags("Customers");
        group.MapGet("/", ListAsync).WithSummary("Customers, searchable by id, email or name").Produces<CustomerList>();
        group.MapGet("/{id}", GetAsync).WithSummary("A customer's profile: features, scores with reason codes, segments, instances, actions")
            .Produces<CustomerView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/events", EventsAsync).WithSummary("A customer's events, newest first, a page at a time (Link header rel=\"next\" while more follow)")
            .Produces<IReadOnlyList<CustomerTimeline.Entry>>().ProducesValidationProblem();
        group.MapDelete("/{id}", EraseAsync).RequireAuthorization(Policies.Administer).WithSummary("Erasure: deletes profile, events, memberships, linked anonymous ids, pending actions; pseudonymizes and redacts actions, approvals, instances, audit entries and suppressions; says what it did")
            .Produces<ErasureResult>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, string? search, int? skip, int? take, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var query = db.Profiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(p => p.CustomerId.Contains(search) || (p.Email != null && p.Email.Contains(search)) || (p.Name != null && p.Name.Contains(search)));
        }

        var total = await query.CountAsync(ct);
        var customers = await query.OrderByDescending(p => p.LastSeen).Skip(skip ?? 0).Take(Math.Clamp(take ?? 50, 1, 500))
            .Select(p => new CustomerSummary(p.CustomerId, p.Email, p.Name, p.LastSeen, p.Monetary, p.RfmSegment, p.ChurnRisk))
            .ToListAsync(ct);
        return TypedResults.Ok(new CustomerList(total, customers));
    }

    private static async Task<IResult> GetAsync(string id, int? timelineTake, IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == id, ct);
        if (profile is null)
        {
            return Problems.NotFound($"no customer '{id}'");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var features = calculator.Features(profile, now);
        var scores = FeatureCalculator.Scores(profile);
        var scoreReasons = ScoringRound.Reasons(profile.ScoreReasonsJson);
        var names = await db.Segments.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Name, ct);
        var segments = (await db.SegmentMemberships.AsNoTracking().Where(m => m.CustomerId == id).ToListAsync(ct))
            .Select(m => new CustomerSegmentView(m.SegmentKey, names.GetValueOrDefault(m.SegmentKey, m.SegmentKey), m.EnteredAt, Reasons(m.ReasonsJson))).ToList();
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => i.CustomerId == id).OrderByDescending(i => i.StartedAt).Take(50)
            .Select(i => new CustomerInstanceView(i.Id, i.WorkflowId, i.Version, i.Status, i.CurrentActivityId, i.Bookmark, i.StartedAt, i.EndedAt, i.Branch, i.ParentInstanceId))
            .ToListAsync(ct);
        // The first page of the timeline; the rest through the events endpoint, from the next link.
        var timelineSize = Math.Clamp(timelineTake ?? 20, 1, CustomerTimeline.MaxPageSize);
        var timeline = await CustomerTimeline.ReadAsync(db, id, timelineSize, null, ct);
        var actions = (await db.Actions.AsNoTracking().Where(a => a.CustomerId == id).OrderByDescending(a => a.CreatedAt).Take(50).ToListAsync(ct))
            .Select(ActionsApi.View).ToList();
        var tags = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == id).OrderBy(t => t.AddedAt)
            .Select(t => new CustomerTagView(t.Tag, t.AddedAt, t.AddedBy)).ToListAsync(ct);
        return TypedResults.Ok(new CustomerView(
            profile.CustomerId,
            profile.Email,
            profile.Name,
            profile.Phone,
            profile.TimeZone,
            profile.FirstSeen,
            profile.LastSeen,
            features,
            new CustomerScoresView(
                scores.Recency,
                scores.Frequency,
                scores.Monetary,
                scores.RfmSegment,
                // Null where no model has scored the customer: "no model" is not a 0 % risk.
                profile.ChurnRisk,
                profile.PurchasePropensity,
                // Flat for the customer page; by score for callers that need to know which score a reason explains.
                [.. scoreReasons.SelectMany(r => r.Value)],
                scoreReasons),
            segments,
            instances,
            actions,
            new CustomerTimelineView(
                timeline.Events,
                profile.TotalEvents,
                timeline.NextCursor is { } cursor ? CustomerTimeline.NextLink(id, timelineSize, cursor) : null),
            tags));
    }

    /// <summary>A page of events, newest first; when more follow, a Link header (rel="next") gives the next page's address.</summary>
    private static async Task<IResult> EventsAsync(string id, int? take, string? cursor, HttpContext http, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        if (!CustomerTimeline.TryParseCursor(cursor, out var after))
        {
            return Problems.Validation("cursor", "not a cursor from a previous page's next link");
        }

        var size = Math.Clamp(take ?? CustomerTimeline.DefaultPageSize, 1, CustomerTimeline.MaxPageSize);
        await using var db = await databases.CreateDbContextAsync(ct);
        var page = await CustomerTimeline.ReadAsync(db, id, size, after, ct);
        if (page.NextCursor is { } next)
        {
            http.Response.Headers.Link = $"<{CustomerTimeline.NextLink(id, size, next)}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Events);
    }

    private static async Task<IResult> EraseAsync(string id, HttpContext http, IDbContextFactory<AutomationDbContext> databases, ProfileWriteGate gate, ProfileStore store, IEventLog log, CustomerErasure erasure, ILoggerFactory loggers, CancellationToken ct)
    {
        // Between event batches, and the profile held in memory is dropped: nothing writes the erased customer back.
        using var writing = await gate.EnterAsync(ct);
        var held = store.Current(id);
        store.Forget(id);
        await using var db = await databases.CreateDbContextAsync(ct);
        // Events accepted while the writer was busy are erased with the rest: into the log first.
        await log.SettleAsync(db, ct);

        var erased = await erasure.EraseAsync(db, id, held, http.Actor(), ct);
        if (erased is null)
        {
            return Problems.NotFound($"no customer '{id}'");
        }

        if (!await log.ScrubAsync(db, ct))
        {
            loggers.CreateLogger(typeof(CustomersApi)).LogWarning("After erasing customer {Pseudonym} a reader kept the database's write-ahead logs from being emptied; older page versions stay there until writing goes on past them", erased.Pseudonym);
        }

        return TypedResults.Ok(erased);
    }

    internal static IReadOnlyList<ReasonCode> Reasons(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ReasonCode>>(json, MessageTypes.Json) ?? [];
}
