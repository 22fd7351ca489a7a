using Automation.Engine.Workflows.Runtime;
using Automation.Engine.Workflows.Versions;
using Automation.Host.Access;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>Moving waiting customers to a new version, and external systems completing an instance's task.</summary>
public static class WorkflowRunsApi
{
    public static void MapWorkflowRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows/{id}/migrations").RequireAuthorization(Policies.Design).WithTags("Workflows");
        group.MapPost("/preview", (string id, MigrationRequest request, HttpContext http, IDbContextFactory<AutomationDbContext> databases, InstanceMigration migration, TimeProvider clock, CancellationToken ct) =>
            MigrateAsync(id, request, apply: false, http, databases, migration, clock, ct))
            .WithSummary("Per current step, how many waiting instances would move to which step of the new version (or stay, and why)")
            .Produces<MigrationReport>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", (string id, MigrationRequest request, HttpContext http, IDbContextFactory<AutomationDbContext> databases, InstanceMigration migration, TimeProvider clock, CancellationToken ct) =>
            MigrateAsync(id, request, apply: true, http, databases, migration, clock, ct))
            .WithSummary("Move waiting instances to the new version: nothing they did runs again; audited")
            .Produces<MigrationReport>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPost("/api/instances/{id:guid}/tasks/{step}/complete", CompleteTaskAsync).RequireAuthorization(Policies.Ingest).WithTags("Workflows")
            .WithSummary("An external system completes the externalTask step an instance waits at; the instance goes on")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> MigrateAsync(string id, MigrationRequest request, bool apply, HttpContext http, IDbContextFactory<AutomationDbContext> databases, InstanceMigration migration, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var report = await migration.RunAsync(db, id, request, apply, http.Actor(), clock.GetUtcNow().UtcDateTime, ct);
        if (report is null)
        {
            return Problems.NotFound($"no workflow '{id}' with version {request.ToVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "published"}");
        }

        if (apply)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Problems.Conflict("some instances moved on while migrating; nothing was migrated: preview again and retry");
            }
        }

        return TypedResults.Ok(report);
    }

    private static async Task<IResult> CompleteTaskAsync(Guid id, string step, HttpContext http, ExternalTaskCompletion tasks, CancellationToken ct)
    {
        try
        {
            return await tasks.CompleteAsync(id, step, http.Actor(), ct)
                ? TypedResults.NoContent()
                : Problems.NotFound($"instance {id} does not wait at task step '{step}'");
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict($"instance {id} moved on meanwhile; try again");
        }
    }
}
