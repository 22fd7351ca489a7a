using Automation.Engine.Configuration;
using Microsoft.Extensions.Options;

namespace Automation.Composition.Configuration;

/// <summary>Settings that are wrong on their face; reachability is checked separately by StartupChecks.</summary>
public sealed class AutomationOptionsValidator : IValidateOptions<AutomationOptions>
{
    public ValidateOptionsResult Validate(string? name, AutomationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Transport))
        {
            failures.Add("Automation:Transport must be InMemory or RabbitMq");
        }

        if (!Enum.IsDefined(options.Database))
        {
            failures.Add("Automation:Database must be Sqlite or Postgres");
        }

        if (options.Database == DatabaseKind.Postgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            failures.Add("Automation:PostgresConnectionString is required when Automation:Database is Postgres");
        }

        if (options.Database == DatabaseKind.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Automation:SqlitePath must name the SQLite file");
        }

        if (options.Transport == TransportKind.RabbitMq && string.IsNullOrWhiteSpace(options.RabbitMq.Host))
        {
            failures.Add("Automation:RabbitMq:Host is required when Automation:Transport is RabbitMq");
        }

        if (options.Cluster.Partitions is < 1 or > 4096)
        {
            failures.Add("Automation:Cluster:Partitions must be between 1 and 4096");
        }

        if (options.Cluster.RebalanceInterval <= TimeSpan.Zero || options.Cluster.RebalanceInterval > TimeSpan.FromSeconds(5))
        {
            failures.Add("Automation:Cluster:RebalanceInterval must be more than 0 and at most 5 seconds (takeover is due within 10)");
        }

        if (options.Processing.BatchSize is < 1 or > 50_000)
        {
            failures.Add("Automation:Processing:BatchSize must be between 1 and 50000");
        }

        if (options.Processing.BacklogBatchSize < options.Processing.BatchSize || options.Processing.BacklogBatchSize > 1_000_000)
        {
            failures.Add("Automation:Processing:BacklogBatchSize must be between BatchSize and 1000000");
        }

        if (options.Processing.MarkProcessedEvery < 1)
        {
            failures.Add("Automation:Processing:MarkProcessedEvery must be at least 1");
        }

        foreach (var (type, rate) in options.Dispatch.RateLimits)
        {
            if (!RateLimitText.TryParse(rate, Automation.Plugins.Sdk.RateLimitUnit.Actions, out _))
            {
                failures.Add($"Automation:Dispatch:RateLimits:{type} '{rate}' is not a rate: write e.g. 14/s, 600/min, 60 calls/min or none");
            }
        }

        if (options.Dispatch.DailyBudgetPerWorkflow < 0)
        {
            failures.Add("Automation:Dispatch:DailyBudgetPerWorkflow must not be negative");
        }

        if (options.Dispatch.OutageBudget < TimeSpan.Zero || options.Dispatch.OutcomeGrace < TimeSpan.Zero || options.Dispatch.ReconcileInterval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add("Automation:Dispatch:OutageBudget and OutcomeGrace must not be negative, ReconcileInterval at least 100 ms");
        }

        if (options.Approvals.DigestInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Automation:Approvals:DigestInterval must be at least one second");
        }

        if (options.Access.SessionLifetime < TimeSpan.FromMinutes(1) || options.Access.IdleTimeout < TimeSpan.FromMinutes(1))
        {
            failures.Add("Automation:Access:SessionLifetime and IdleTimeout must be at least one minute");
        }

        if (options.Access.SignInFailuresPerAccount < 1 || options.Access.SignInFailuresPerAddress < 1)
        {
            failures.Add("Automation:Access:SignInFailuresPerAccount and SignInFailuresPerAddress must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
