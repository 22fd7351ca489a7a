using Automation.Engine.Audit;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Rules;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Rules;

/// <summary>
/// Saves rule sets: checked by the compiler, tried once on an empty profile (RulesEngine compiles lazily, so a
/// rule that would only fail at run time is caught here), and refused when a published workflow still leaves by
/// a rule the new version drops.
/// </summary>
public sealed class RuleSetService(IDbContextFactory<AutomationDbContext> databases, RuleSetCompiler compiler, RuleSetCatalog catalog, IRuleSetUsage usage, TimeProvider clock)
{
    public async Task<RuleSetSaveResult> SaveAsync(string key, string name, string description, string rulesJson, string actor, bool builtIn, CancellationToken cancellationToken)
    {
        if (!compiler.TryCompile(key, rulesJson, out var compiled, out var problems))
        {
            return new RuleSetSaveResult(0, false, problems);
        }

        var trial = await compiled!.EvaluateAsync(new CustomerFeatures(), new CustomerScores());
        var failures = trial.Results.Select((r, i) => (r, i)).Where(x => x.r.Error is not null).Select(x => new RuleSetProblem($"rules[{x.i}]", x.r.Error!)).ToList();
        if (failures.Count > 0)
        {
            return new RuleSetSaveResult(0, false, failures);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
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
        await catalog.RefreshAsync(cancellationToken);
        return new RuleSetSaveResult(record.Version, created, []);
    }
}
