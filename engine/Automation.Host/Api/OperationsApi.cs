using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Audit;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class OperationsApi
{
    public static void MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        (app as WebApplication)?.MapApiReference();
        app.MapGet("/api/audit", async (IDbContextFactory<AutomationDbContext> databases, int? take, CancellationToken ct) =>
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            return TypedResults.Ok(await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 200, 1, 2000)).ToListAsync(ct));
        }).RequireAuthorization(Policies.ReadPeople).WithTags("Operations").WithSummary("The append-only audit log, newest first").Produces<IReadOnlyList<AuditEntry>>();
    }
}
