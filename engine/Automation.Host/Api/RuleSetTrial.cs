using System.Text.Json;
using System.Text.Json.Serialization;
using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Engine.Rules;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>
/// POST /api/rule-sets/{key}/try: runs a draft rule set, compiled but not saved, on one customer's current profile or
/// on facts the marketer pasted, so the designer's test panel shows which rules would fire before anything is published.
/// </summary>
public static class RuleSetTrial
{
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static async Task<IResult> TryAsync(string key, TryRuleSetRequest body, RuleSetCompiler compiler, IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock, CancellationToken ct)
    {
        if (body.Rules.ValueKind != JsonValueKind.Object)
        {
            return Problems.Validation("rules", "rules must be an object: {\"globalParams\": [...], \"rules\": [...]}");
        }

        if (!compiler.TryCompile(key, body.Rules.GetRawText(), out var ruleSet, out var problems))
        {
            return Problems.Validation("The rule set has problems", problems.Select(p => new ProblemItem(null, "rules." + p.Field, p.Message, p.Position)).ToList());
        }

        var (profile, problem) = await ProfileAsync(body, databases, calculator, clock, ct);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var outcome = ruleSet!.Evaluate(profile.Features, profile.Scores, profile.Facts);
            return TypedResults.Ok(new RuleSetEvaluation(0, outcome.Port, outcome.Output, outcome.Results, outcome.Fired, outcome.Values, outcome.SuppressedBy, outcome.Suppression, outcome.Tags));
        }
        catch (RuleSetEvaluationException ex)
        {
            return Problems.Validation(body.Facts is null ? "customerId" : "facts", ex.Message);
        }
    }

    private static async Task<((CustomerFeatures Features, CustomerScores Scores, RuleFacts Facts) Profile, IResult? Problem)> ProfileAsync(
        TryRuleSetRequest body, IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock, CancellationToken ct)
    {
        if (body.Facts is { } facts)
        {
            return FromFacts(facts, clock.GetUtcNow().UtcDateTime);
        }

        if (string.IsNullOrWhiteSpace(body.CustomerId))
        {
            return (default, Problems.Validation("customerId", "name a customer, or paste facts"));
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == body.CustomerId, ct);
        if (profile is null)
        {
            return (default, Problems.Validation("customerId", $"no customer '{body.CustomerId}'"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var known = await RuleFactsReader.ReadAsync(db, profile.CustomerId, "none", "", now, ct);
        return ((calculator.Features(profile, now), FeatureCalculator.Scores(profile), known), null);
    }

    /// <summary>Pasted facts: {"features": {"cartAdds30d": 2}, "scores": {"churnRisk": 0.8}}; what is left out is zero.</summary>
    private static ((CustomerFeatures, CustomerScores, RuleFacts), IResult?) FromFacts(TryFacts facts, DateTime now)
    {
        try
        {
            var features = facts.Features is { ValueKind: JsonValueKind.Object } f ? f.Deserialize<CustomerFeatures>(FactsJson)! : new CustomerFeatures();
            var scores = facts.Scores is { ValueKind: JsonValueKind.Object } s ? s.Deserialize<CustomerScores>(FactsJson)! : new CustomerScores();
            var segments = new SegmentFacts((facts.Segments ?? []).Select(k => KeyValuePair.Create(k, now)), now);
            return ((features, scores, RuleFacts.None with { Segments = segments, Tags = new TagFacts(facts.Tags ?? []) }), null);
        }
        catch (JsonException ex)
        {
            return (default, Problems.Validation("facts", $"not a customer's features and scores: {ex.Message}"));
        }
    }
}
