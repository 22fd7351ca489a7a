using Automation.Engine.Scoring;
using Automation.Engine.Segments;
using Automation.Host.Access;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class ScoresApi
{
    public static void MapScoresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rfm").WithTags("Scores");
        group.MapGet("/grid", GridAsync).RequireAuthorization(Policies.Report).WithSummary("Customers by recency × frequency score (1–5); customers who never bought are counted apart")
            .Produces<RfmGrid>();
        group.MapPost("/refresh", async (RfmScorer scorer, SegmentSweeper sweeper, CancellationToken ct) =>
        {
            var b = await scorer.RefreshAsync(ct);
            sweeper.Request(null);
            return TypedResults.Ok(new RfmBoundariesView(b.Recency, b.Frequency, b.Monetary));
        }).RequireAuthorization(Policies.Administer).WithSummary("Recompute the RFM quintile boundaries and every customer's scores now");
    }

    private static async Task<IResult> GridAsync(IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var counts = await db.Profiles.AsNoTracking().GroupBy(p => new { p.RecencyScore, p.FrequencyScore })
            .Select(g => new { g.Key.RecencyScore, g.Key.FrequencyScore, Count = g.Count() }).ToListAsync(ct);
        var cells = from r in Enumerable.Range(1, 5)
                    from f in Enumerable.Range(1, 5)
                    select new RfmCell(r, f, counts.FirstOrDefault(c => c.RecencyScore == r && c.FrequencyScore == f)?.Count ?? 0);
        return TypedResults.Ok(new RfmGrid([.. cells], counts.Where(c => c.RecencyScore == 0).Sum(c => c.Count)));
    }
}
