using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Engine.Audit;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Segments;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Segments;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static partial class SegmentsApi
{
    public static void MapSegmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/segments").WithTags("Segments"); // each route names its policy: the list is a report, members are people
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Report).WithSummary("Segment definitions with their current sizes")
            .Produces<IReadOnlyList<SegmentView>>();
        group.MapPut("/{key}", SaveAsync).RequireAuthorization(Policies.Design).WithSummary("Create or change a segment; invalid expressions are refused with the position")
            .Accepts<SegmentInput>("application/json")
            .Produces<SegmentSaved>().Produces<SegmentSaved>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapPost("/preview", PreviewAsync).RequireAuthorization(Policies.Design).WithSummary("How many customers an expression would hold now")
            .Produces<SegmentPreview>();
        group.MapGet("/{key}/backfill", (string key, SegmentSweeper sweeper) =>
            sweeper.Progress(key) is { } progress ? Results.Ok(progress) : Problems.NotFound($"no backfill of '{key}' ran since the engine started"))
            .RequireAuthorization(Policies.Person).WithSummary("Progress of the segment's backfill over existing profiles, started when it was saved")
            .Produces<SegmentSweepProgress>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{key}/members", MembersAsync).RequireAuthorization(Policies.ReadPeople).WithSummary("The segment's members with why they qualified")
            .Produces<SegmentMembers>();
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, SegmentCatalog catalog, CancellationToken ct)
    {
        var faults = (await catalog.CurrentAsync(ct)).ToDictionary(c => c.Key, c => c.Expression.Faults, StringComparer.Ordinal);
        await using var db = await databases.CreateDbContextAsync(ct);
        var sizes = await db.SegmentMemberships.AsNoTracking().GroupBy(m => m.SegmentKey).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var segments = await db.Segments.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        return TypedResults.Ok(segments.Select(s => new SegmentView(
            s.Key,
            s.Name,
            s.Description,
            s.Expression,
            sizes.GetValueOrDefault(s.Key),
            s.BuiltIn,
            s.ScoreMember,
            s.EnterThreshold,
            s.ExitThreshold,
            s.TtlDays,
            s.MinimumSize,
            s.UpdatedAt,
            faults.GetValueOrDefault(s.Key) is { First: { } fault } kept
                ? new SegmentEvaluationError(fault.CustomerId, fault.Error, fault.At, kept.Count)
                : null)).ToList());
    }

    private static async Task<IResult> SaveAsync(string key, HttpRequest request, HttpContext http, IValidator<SegmentInput> validator, IDbContextFactory<AutomationDbContext> databases, SegmentCatalog catalog, SegmentSweeper sweeper, ProfileExpressionCompiler compiler, ExpressionTrial trial, TimeProvider clock, CancellationToken ct)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return Problems.Validation("key", "segment keys are 1–60 lower-case letters, digits and dashes, starting with a letter");
        }

        var (input, problem) = await request.ReadJsonAsync<SegmentInput>(JsonSerializerOptions.Web, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await validator.ValidateAsync(input!, ct);
        if (!result.IsValid)
        {
            return Problems.Validation("The segment has problems", result.Errors.Select(e => new ProblemItem(null, JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName), e.ErrorMessage, e.CustomState as int?)).ToList());
        }

        if (await trial.TryOnSampleAsync(compiler.Compile(input!.Expression!), ct) is { } failure)
        {
            return Problems.Validation("expression", $"the expression fails for customer '{failure.CustomerId}': {failure.Error}");
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var segment = await db.Segments.FirstOrDefaultAsync(s => s.Key == key, ct);
        var created = segment is null;
        segment ??= db.Segments.Add(new SegmentDefinitionRecord { Key = key, Name = "", Expression = "" }).Entity;
        segment.Name = input!.Name!;
        segment.Description = input.Description ?? "";
        segment.Expression = input.Expression!;
        segment.ScoreMember = input.ScoreMember;
        segment.EnterThreshold = input.EnterThreshold;
        segment.ExitThreshold = input.ExitThreshold;
        segment.TtlDays = input.TtlDays;
        segment.MinimumSize = input.MinimumSize;
        segment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        AuditLog.Write(db, http.Actor(), created ? "segment.created" : "segment.changed", $"segment/{key}", segment.Expression, segment.UpdatedAt);
        await db.SaveChangesAsync(ct);
        catalog.Invalidate();

        // Existing customers are placed by a backfill with progress, not only as their next event arrives.
        var backfill = sweeper.Request(key);
        var body = new SegmentSaved(key, $"/api/segments/{key}/backfill", backfill.Status);
        return created ? TypedResults.Created($"/api/segments/{key}", body) : TypedResults.Ok(body);
    }

    private static async Task<IResult> PreviewAsync(PreviewRequest body, ProfileExpressionCompiler compiler, IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock, CancellationToken ct)
    {
        if (!compiler.TryCompile(body.Expression, out var expression, out var problems))
        {
            return TypedResults.Ok(new SegmentPreview(0, 0, problems));
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        var total = 0;
        ExpressionFaults.Fault? failure = null;
        await foreach (var profile in db.Profiles.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            total++;
            try
            {
                if (expression!.Unguarded(calculator.Features(profile, now), FeatureCalculator.Scores(profile)))
                {
                    count++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Counted as not holding, as processing does; the first failure is shown so the marketer can fix it.
                failure ??= new ExpressionFaults.Fault(profile.CustomerId, $"{ex.GetType().Name}: {ex.Message}", now);
            }
        }

        IReadOnlyList<ExpressionProblem> found = failure is null ? [] : [new ExpressionProblem($"the expression fails for customer '{failure.CustomerId}': {failure.Error}", null)];
        return TypedResults.Ok(new SegmentPreview(count, total, found));
    }

    private static async Task<IResult> MembersAsync(string key, int? skip, int? take, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var query = from m in db.SegmentMemberships.AsNoTracking()
                    where m.SegmentKey == key
                    join p in db.Profiles.AsNoTracking() on m.CustomerId equals p.CustomerId into profiles
                    from p in profiles.DefaultIfEmpty()
                    orderby m.EnteredAt descending
                    select new { m.CustomerId, p.Email, p.Name, m.EnteredAt, m.ReasonsJson };
        var total = await db.SegmentMemberships.CountAsync(m => m.SegmentKey == key, ct);
        var members = await query.Skip(skip ?? 0).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok(new SegmentMembers(total, [.. members.Select(m => new SegmentMember(m.CustomerId, m.Email, m.Name, m.EnteredAt, CustomersApi.Reasons(m.ReasonsJson)))]));
    }

    /// <summary>What a segment's expression threw for some customer since the engine started (counted as not a member).</summary>
    public sealed record SegmentEvaluationError(string CustomerId, string Error, DateTime At, long Count);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,59}$")]
    private static partial Regex KeyPattern();
}
