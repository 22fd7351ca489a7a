using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Engine.Workflows.Import;
using Automation.Engine.Workflows.Schedules;
using Automation.Engine.Workflows.Simulation;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class WorkflowsApi
{
    public static void MapWorkflowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/workflows").RequireAuthorization(Policies.ReadPeople).WithTags("Workflows");
        group.MapGet("/", ListAsync).WithSummary("Workflows with status, versions, active instances and entries in the last 7 days")
            .Produces<IReadOnlyList<WorkflowSummary>>();
        group.MapGet("/{id}", GetAsync).WithSummary("A workflow: latest definition and version history")
            .Produces<WorkflowView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions/{version:int}", VersionAsync).WithSummary("The definition of one version of a workflow")
            .Produces<WorkflowDefinition>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", (HttpRequest request, HttpContext http, WorkflowService service, CancellationToken ct) => SaveAsync(null, request, http, service, ct))
            .RequireAuthorization(Policies.Design).WithSummary("Create a workflow as a draft; invalid definitions are refused with every problem listed")
            .Accepts<WorkflowDefinition>("application/json").Produces<WorkflowSaved>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapPut("/{id}", (string id, HttpRequest request, HttpContext http, WorkflowService service, CancellationToken ct) => SaveAsync(id, request, http, service, ct))
            .RequireAuthorization(Policies.Design).WithSummary("Save the workflow's draft")
            .Accepts<WorkflowDefinition>("application/json").Produces<WorkflowSaved>().ProducesValidationProblem();
        group.MapPost("/{id}/validate", ValidateAsync).RequireAuthorization(Policies.Design).WithSummary("Check a definition without saving it: every problem with its field")
            .Accepts<WorkflowDefinition>("application/json").Produces<WorkflowCheck>().ProducesValidationProblem();
        group.MapGet("/{id}/diff", DiffAsync).WithSummary("What publishing the latest draft would change")
            .Produces<WorkflowDiff>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/publish", PublishAsync).RequireAuthorization(Policies.Design).WithSummary("Publish the latest draft: new instances start on it, running ones finish on their version; optionally start it for the segment's current members")
            .Produces<WorkflowPublished>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/disable", (string id, HttpContext http, WorkflowService service, CancellationToken ct) => EnableAsync(id, false, http, service, ct)).RequireAuthorization(Policies.Design)
            .WithSummary("Stop starting new instances of the workflow").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/enable", (string id, HttpContext http, WorkflowService service, CancellationToken ct) => EnableAsync(id, true, http, service, ct)).RequireAuthorization(Policies.Design)
            .WithSummary("Start new instances of the workflow again").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/import/elsa", ImportElsaAsync).RequireAuthorization(Policies.Design)
            .WithSummary("Elsa 3 flowchart JSON → a definition to finish in the designer, with a report of what did not map")
            .Accepts<System.Text.Json.Nodes.JsonObject>("application/json").Produces<ElsaImportView>().ProducesValidationProblem();
        group.MapPost("/{id}/simulate", SimulateAsync).RequireAuthorization(Policies.Design)
            .WithSummary("Dry run over stored profiles: customers per activity and port, actions, estimated spend; nothing is written or sent")
            .Produces<SimulationReport>().ProducesProblem(StatusCodes.Status404NotFound);
        WorkflowInstancesApi.Map(app, group);
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var workflows = await db.Workflows.AsNoTracking().OrderBy(w => w.Name).ToListAsync(ct);
        var active = await db.WorkflowInstances.AsNoTracking().Where(i => i.ActiveKey != null).GroupBy(i => i.WorkflowId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var entered = await db.WorkflowInstances.AsNoTracking().Where(i => i.StartedAt >= since && i.ParentInstanceId == null).GroupBy(i => i.WorkflowId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var latest = await db.WorkflowVersions.AsNoTracking().GroupBy(v => v.WorkflowId).Select(g => g.OrderByDescending(v => v.Version).First()).ToListAsync(ct);
        return TypedResults.Ok(workflows.Select(w =>
        {
            var version = latest.FirstOrDefault(v => v.WorkflowId == w.Id);
            var definition = version is null ? null : WorkflowJson.Parse(version.DefinitionJson);
            return new WorkflowSummary(
                w.Id,
                w.Name,
                definition?.Description ?? "",
                !w.Enabled ? "disabled" : w.PublishedVersion is null ? "draft" : "published",
                w.Enabled,
                w.PublishedVersion,
                w.LatestVersion,
                definition?.Trigger,
                active.GetValueOrDefault(w.Id),
                entered.GetValueOrDefault(w.Id));
        }).ToList());
    }

    private static async Task<IResult> GetAsync(string id, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var workflow = await db.Workflows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workflow is null)
        {
            return Problems.NotFound($"no workflow '{id}'");
        }

        var versions = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        return TypedResults.Ok(new WorkflowView(
            workflow.Id,
            workflow.Name,
            !workflow.Enabled ? "disabled" : workflow.PublishedVersion is null ? "draft" : "published",
            workflow.Enabled,
            workflow.PublishedVersion,
            workflow.LatestVersion,
            WorkflowJson.Parse(versions[0].DefinitionJson),
            [.. versions.Select(v => new WorkflowVersionView(v.Version, v.Status, v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt))]));
    }

    private static async Task<IResult> VersionAsync(string id, int version, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var json = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == id && v.Version == version).Select(v => v.DefinitionJson).FirstOrDefaultAsync(ct);
        return json is null ? Problems.NotFound($"workflow '{id}' has no version {version}") : TypedResults.Ok(WorkflowJson.Parse(json));
    }

    private static async Task<IResult> SaveAsync(string? id, HttpRequest request, HttpContext http, WorkflowService service, CancellationToken ct)
    {
        var (definition, problem) = await request.ReadJsonAsync<WorkflowDefinition>(WorkflowJson.Options, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (id is not null && definition!.Id != id)
        {
            definition = definition with { Id = string.IsNullOrEmpty(definition.Id) ? id : definition.Id };
            if (definition.Id != id)
            {
                return Problems.Validation("id", $"the definition's id '{definition.Id}' does not match the URL's '{id}'");
            }
        }

        var result = await service.SaveDraftAsync(definition!, http.Actor(), mustBeNew: id is null, ct);
        if (!result.Succeeded)
        {
            return Problems.Definition(result.Problems);
        }

        return id is null
            ? TypedResults.Created($"/api/workflows/{result.Id}", new WorkflowSaved(result.Id, result.Version))
            : TypedResults.Ok(new WorkflowSaved(result.Id, result.Version));
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, WorkflowService service, CancellationToken ct)
    {
        var (definition, problem) = await request.ReadJsonAsync<WorkflowDefinition>(WorkflowJson.Options, ct);
        if (problem is not null)
        {
            return problem;
        }

        var problems = await service.ValidateAsync(definition!, ct);
        return TypedResults.Ok(new WorkflowCheck(problems.Count == 0, problems));
    }

    private static async Task<IResult> DiffAsync(string id, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var versions = await db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return Problems.NotFound($"no workflow '{id}'");
        }

        var published = versions.FirstOrDefault(v => v.Status == WorkflowVersionStatus.Published);
        var changes = DefinitionDiff.Describe(published is null ? null : WorkflowJson.Parse(published.DefinitionJson), WorkflowJson.Parse(versions[0].DefinitionJson));
        return TypedResults.Ok(new WorkflowDiff(published?.Version, versions[0].Version, changes));
    }

    private static async Task<IResult> PublishAsync(string id, HttpRequest request, WorkflowService service, CurrentMembersStarter members, CancellationToken ct)
    {
        var options = new PublishOptions();
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (read, problem) = await request.ReadJsonAsync<PublishOptions>(System.Text.Json.JsonSerializerOptions.Web, ct);
            if (problem is not null)
            {
                return problem;
            }

            options = read!;
        }

        if (options.StartCurrentMembers && await members.RefusalAsync(id, ct) is { } refused)
        {
            return Problems.Definition([refused]);
        }

        var actor = request.HttpContext.Actor();
        var result = await service.PublishAsync(id, actor, ct);
        if (result is null)
        {
            return Problems.NotFound($"no workflow '{id}'");
        }

        if (!result.Succeeded)
        {
            return Problems.Definition(result.Problems);
        }

        var started = options.StartCurrentMembers ? await members.StartAsync(id, actor, ct) : 0;
        return TypedResults.Ok(new WorkflowPublished(result.Id, result.Version, result.Changes, started));
    }

    private static async Task<IResult> EnableAsync(string id, bool enabled, HttpContext http, WorkflowService service, CancellationToken ct) =>
        await service.SetEnabledAsync(id, enabled, http.Actor(), ct) ? TypedResults.NoContent() : Problems.NotFound($"no workflow '{id}'");

    private static async Task<IResult> ImportElsaAsync(HttpRequest request, CancellationToken ct)
    {
        var (export, problem) = await request.ReadJsonAsync<System.Text.Json.Nodes.JsonObject>(WorkflowJson.Options, ct);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var result = ElsaImporter.Import(System.Text.Json.JsonSerializer.SerializeToElement(export));
            return TypedResults.Ok(new ElsaImportView(result.Definition, result.Unmapped, result.ToFinish, result.Changed));
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Problems.Validation("root", ex.Message);
        }
    }

    private static async Task<IResult> SimulateAsync(string id, SimulateRequest? body, WorkflowSimulator simulator, CancellationToken ct)
    {
        var report = await simulator.RunAsync(id, body?.Definition, body?.Days ?? 30, ct);
        return report is null ? Problems.NotFound($"no workflow '{id}'; send the definition to simulate an unsaved one") : TypedResults.Ok(report);
    }
}
