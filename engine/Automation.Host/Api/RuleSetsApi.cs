using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Automation.Host.Access;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>Rule sets stored by key and run on NRules, used by the ruleSet activity.</summary>
public static partial class RuleSetsApi
{
    public static void MapRuleSetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rule-sets").RequireAuthorization().WithTags("Rule sets");
        group.MapGet("/", ListAsync).WithSummary("Rule sets with their rules' names (the ports a ruleSet activity can leave by)")
            .Produces<IReadOnlyList<RuleSetSummary>>();
        group.MapGet("/{key}", GetAsync).WithSummary("One rule set as saved")
            .Produces<RuleSetView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{key}", SaveAsync).RequireAuthorization(Policies.Design).WithSummary("Create or change a rule set; every problem is listed with its field and position")
            .Accepts<RuleSetInput>("application/json")
            .Produces<RuleSetSaved>().Produces<RuleSetSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{key}/evaluate", EvaluateAsync).RequireAuthorization(Policies.Design).WithSummary("Run the rule set on one customer's current profile, without side effects")
            .Produces<RuleSetEvaluation>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{key}/try", RuleSetTrial.TryAsync).RequireAuthorization(Policies.Design).WithSummary("Run a draft rule set, compiled but not saved, on a customer or on pasted facts")
            .Produces<RuleSetEvaluation>().ProducesValidationProblem();
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, RuleSetCatalog catalog, PluginRuleSets plugins, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var records = await db.RuleSets.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        await catalog.RefreshAsync(ct);
        var stored = records.Where(r => plugins.Find(r.Key) is null).Select(r => new RuleSetSummary(
            r.Key, r.Name, r.Description, r.Version, r.BuiltIn, r.UpdatedBy, r.UpdatedAt, catalog.Find(r.Key)?.Ports ?? [], null, false, null));
        var shipped = plugins.All.Select(p => new RuleSetSummary(
            p.Key, p.Name, p.Description, p.Version, false, null, null, p.Ports, p.Plugin, true, PluginRules(p)));
        return TypedResults.Ok(stored.Concat(shipped).OrderBy(r => r.Name, StringComparer.Ordinal).ToList());
    }

    private static async Task<IResult> GetAsync(string key, IDbContextFactory<AutomationDbContext> databases, PluginRuleSets plugins, CancellationToken ct)
    {
        if (plugins.Find(key) is { } shipped)
        {
            // Written in C#: there is no JSON to edit, only the rules' names, descriptions and priorities to show.
            return TypedResults.Ok(new PluginRuleSetView(shipped.Key, shipped.Name, shipped.Description, shipped.Version, shipped.Plugin, ReadOnly: true, PluginRules(shipped)));
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var record = await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        return record is null
            ? Problems.NotFound($"no rule set '{key}'")
            : TypedResults.Ok(new RuleSetView(record.Key, record.Name, record.Description, record.Version, record.BuiltIn, record.UpdatedBy, record.UpdatedAt, JsonDocument.Parse(record.RulesJson).RootElement));
    }

    private static async Task<IResult> SaveAsync(string key, HttpRequest request, HttpContext http, RuleSetService service, CancellationToken ct)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return Problems.Validation("key", "rule set keys are 1–60 lower-case letters, digits and dashes, starting with a letter");
        }

        var (input, problem) = await request.ReadJsonAsync<RuleSetInput>(JsonSerializerOptions.Web, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(input!.Name) || input.Name.Length > 200)
        {
            return Problems.Validation("name", "a rule set needs a name of at most 200 characters");
        }

        if (input.Rules.ValueKind != JsonValueKind.Object)
        {
            return Problems.Validation("rules", "rules must be an object: {\"globalParams\": [...], \"rules\": [...]}");
        }

        var result = await service.SaveAsync(key, input.Name, input.Description ?? "", input.Rules.GetRawText(), http.Actor(), builtIn: false, ct);
        if (result.Conflict is not null)
        {
            return Problems.Conflict(result.Conflict);
        }

        if (!result.Succeeded)
        {
            return Problems.Validation("The rule set has problems", result.Problems.Select(p => new ProblemItem(null, "rules." + p.Field, p.Message, p.Position)).ToList());
        }

        return result.Created
            ? TypedResults.Created($"/api/rule-sets/{key}", new RuleSetSaved(key, result.Version))
            : TypedResults.Ok(new RuleSetSaved(key, result.Version));
    }

    private static async Task<IResult> EvaluateAsync(string key, EvaluateRuleSetRequest body, RuleSetCatalog catalog, IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock, CancellationToken ct)
    {
        await catalog.RefreshAsync(ct);
        if (catalog.Find(key) is not { } ruleSet)
        {
            return Problems.NotFound($"no rule set '{key}'");
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == body.CustomerId, ct);
        if (profile is null)
        {
            return Problems.Validation("customerId", $"no customer '{body.CustomerId}'");
        }

        RuleSetOutcome outcome;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var facts = await RuleFactsReader.ReadAsync(db, profile.CustomerId, ruleSet.Decides?.Trigger ?? "none", ruleSet.Decides?.Key ?? "", now, ct);
            outcome = ruleSet.Evaluate(calculator.Features(profile, now), FeatureCalculator.Scores(profile), facts);
        }
        catch (RuleSetEvaluationException ex)
        {
            return Problems.Validation("customerId", ex.Message);
        }

        return TypedResults.Ok(new RuleSetEvaluation(ruleSet.Version, outcome.Port, outcome.Output, outcome.Results, outcome.Fired, outcome.Values, outcome.SuppressedBy, outcome.Suppression, outcome.Tags));
    }

    private static IReadOnlyList<PluginRuleSummary> PluginRules(CompiledRuleSet ruleSet) =>
        [.. ruleSet.Rules.Select(r => new PluginRuleSummary(r.Name, r.Description, r.Priority))];

    [GeneratedRegex("^[a-z][a-z0-9-]{0,59}$")]
    private static partial Regex KeyPattern();
}
