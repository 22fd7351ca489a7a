using Automation.Engine.Audit;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Rules;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Rules;

/// <summary>
/// Saves rule sets: checked and compiled to an NRules session factory, tried once on an empty profile (a rule that
/// throws or chains forever on it is caught here), and refused when a published workflow still leaves by a rule the
/// new version drops. The saved version's factory replaces the old one in the catalog at once: no restart.
/// </summary>
public sealed class RuleSetService(IDbContextFactory<AutomationDbContext> databases, RuleSetCompiler compiler, RuleSetCatalog catalog, PluginRuleSets plugins, IRuleSetUsage usage, TimeProvider clock)
{
    public async Task<RuleSetSaveResult> SaveAsync(string key, string name, string description, string rulesJson, string actor, bool builtIn, CancellationToken cancellationToken)
    {
        if (plugins.Find(key) is { } shipped)
        {
            return new RuleSetSaveResult(0, false, [], $"rule set '{key}' comes from plugin {shipped.Plugin} and is read-only; save yours under another key");
        }

        if (!compiler.TryCompile(key, rulesJson, out var compiled, out var problems))
        {
            return new RuleSetSaveResult(0, false, problems);
        }

        try
        {
            compiled!.Evaluate(new CustomerFeatures(), new CustomerScores());
        }
        catch (RuleSetEvaluationException ex)
        {
            return new RuleSetSaveResult(0, false, [new RuleSetProblem("rules", $"on an empty profile: {ex.Message}")]);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var named = compiled.Rules.SelectMany(r => r.Starts).Distinct().ToList();
        var known = await db.Workflows.AsNoTracking().Where(w => named.Contains(w.Id)).Select(w => w.Id).ToListAsync(cancellationToken);
        var unknown = compiled.Rules
            .SelectMany(r => r.Starts.Select((w, j) => (w, Field: $"rules[{r.Index}].start[{j}]")))
            .Where(s => !known.Contains(s.w)).Select(s => new RuleSetProblem(s.Field, $"no workflow '{s.w}'")).ToList();
        if (unknown.Count > 0)
        {
            return new RuleSetSaveResult(0, false, unknown);
        }

        var stranded = await usage.StrandedPortsAsync(db, key, compiled.Ports, cancellationToken);
        if (stranded.Count > 0)
        {
            return new RuleSetSaveResult(0, false, [], $"published workflows still leave by rules this version drops: {string.Join("; ", stranded)}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.RuleSets.FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        var created = record is null;
        record ??= db.RuleSets.Add(new RuleSetRecord { Key = key, Name = name, RulesJson = rulesJson, BuiltIn = builtIn }).Entity;
        record.Name = name;
        record.Description = description;
        record.RulesJson = rulesJson;
        record.Version++;
        record.UpdatedBy = actor;
        record.UpdatedAt = now;
        AuditLog.Write(db, actor, created ? "ruleset.created" : "ruleset.changed", $"rule-set/{key}", $"version {record.Version}", now);
        await db.SaveChangesAsync(cancellationToken);
        catalog.Publish(compiled.WithVersion(record.Version));
        return new RuleSetSaveResult(record.Version, created, []);
    }
}
