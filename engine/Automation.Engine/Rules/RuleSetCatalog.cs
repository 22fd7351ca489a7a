using System.Collections.Immutable;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Automation.Engine.Rules;

/// <summary>
/// The compiled rule sets by key: one NRules session factory per stored version, built once and kept until a newer
/// version replaces it. Workflow validation reads the snapshot synchronously; running activities refresh it when
/// older than a few seconds, so a save in another engine process is picked up without a restart.
/// </summary>
public sealed partial class RuleSetCatalog(
    IDbContextFactory<AutomationDbContext> databases,
    RuleSetCompiler compiler,
    PluginRuleSets plugins,
    TimeProvider clock,
    ILogger<RuleSetCatalog> logger) : IRuleSetLookup
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim gate = new(1, 1);
    private ImmutableDictionary<string, CompiledRuleSet> ruleSets = plugins.All.ToImmutableDictionary(r => r.Key, StringComparer.Ordinal);
    private DateTimeOffset loadedAt = DateTimeOffset.MinValue;

    /// <summary>Every loaded rule set, by key.</summary>
    public IEnumerable<CompiledRuleSet> All => ruleSets.Values.OrderBy(r => r.Key, StringComparer.Ordinal);

    /// <summary>The last loaded rule set, or null; for validation, which cannot wait on the database.</summary>
    public CompiledRuleSet? Find(string key) => ruleSets.GetValueOrDefault(key);

    public async Task<CompiledRuleSet?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - loadedAt >= RefreshInterval)
        {
            await RefreshAsync(cancellationToken);
        }

        return Find(key);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var records = await db.RuleSets.AsNoTracking().ToListAsync(cancellationToken);
            var builder = ImmutableDictionary.CreateBuilder<string, CompiledRuleSet>(StringComparer.Ordinal);
            builder.AddRange(plugins.All.Select(r => KeyValuePair.Create(r.Key, r)));
            foreach (var record in records)
            {
                if (builder.ContainsKey(record.Key))
                {
                    continue; // a plugin's rule set owns its key; a stored one of that name predates the plugin
                }

                // Keep the compiled session factory across refreshes: building the Rete network is the costly part.
                if (ruleSets.TryGetValue(record.Key, out var known) && known.Version == record.Version)
                {
                    builder[record.Key] = known;
                }
                else if (compiler.TryCompile(record.Key, record.RulesJson, out var compiled, out var problems))
                {
                    builder[record.Key] = compiled!.WithVersion(record.Version);
                }
                else
                {
                    LogInvalidRuleSet(logger, record.Key, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")));
                }
            }

            ruleSets = builder.ToImmutable();
            loadedAt = clock.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The decision rule sets bound to this crossing, as fresh as <see cref="FindAsync"/>.</summary>
    public async Task<IReadOnlyList<CompiledRuleSet>> DecidingAsync(string trigger, string key, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - loadedAt >= RefreshInterval)
        {
            await RefreshAsync(cancellationToken);
        }

        return [.. All.Where(r => r.Decides is { } d && d.Trigger == trigger && string.Equals(d.Key, key, StringComparison.Ordinal))];
    }

    /// <summary>A version just saved in this process: used from the next evaluation on.</summary>
    public void Publish(CompiledRuleSet compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ImmutableInterlocked.Update(ref ruleSets, (all, c) => all.TryGetValue(c.Key, out var known) && (known.Version > c.Version || known.Plugin is not null) ? all : all.SetItem(c.Key, c), compiled);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored rule set {Key} no longer compiles and is not used: {Problems}")]
    private static partial void LogInvalidRuleSet(ILogger logger, string key, string problems);
}
