using Automation.Plugins.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Plugins.Proof;

/// <summary>
/// A connector whose behaviour tests choose: proof.flaky (and proof.idempotent) fail transiently at a configured rate, proof.broken throws
/// until repaired. Both write every delivery they carry out to a ledger file, so a test counts deliveries where they land. It also ships a
/// one-rule C# rule set (proof-rules), as an integrator's plugin may.
/// </summary>
public sealed class ProofPlugin : IAutomationPlugin
{
    private const string Schema = """
        { "type": "object", "properties": { "label": { "type": "string", "title": "Label" } }, "additionalProperties": false }
        """;

    public PluginManifest Manifest { get; } = new("Proof", "1.0.0", "[1.0,2.0)");

    public IReadOnlyList<ActionDescriptor> Actions { get; } =
    [
        new ActionDescriptor
        {
            Type = "proof.flaky",
            DisplayName = "Proof: flaky delivery",
            Channel = "proof",
            InputSchema = Schema,
            HandlerType = typeof(FlakyHandler),
        },
        new ActionDescriptor
        {
            // Like proof.flaky, but declared safe to carry out twice: an overdue one is sent again without asking anyone.
            Type = "proof.idempotent",
            DisplayName = "Proof: idempotent delivery",
            Channel = "proof",
            InputSchema = Schema,
            Idempotent = true,
            Timeout = TimeSpan.FromSeconds(1),
            HandlerType = typeof(FlakyHandler),
        },
        new ActionDescriptor
        {
            // A batch connector: up to 50 actions a call, each answering for itself.
            Type = "proof.batch",
            DisplayName = "Proof: batch delivery",
            Channel = "proof",
            InputSchema = Schema,
            BatchSize = 50,
            BatchWindow = TimeSpan.FromMilliseconds(200),
            HandlerType = typeof(HalfFailingBatchHandler),
        },
        new ActionDescriptor
        {
            Type = "proof.broken",
            DisplayName = "Proof: broken delivery",
            Channel = "proof",
            InputSchema = Schema,
            HandlerType = typeof(BrokenHandler),
        },
    ];

    /// <summary>A rule set written in C#, so the designer and the tests see a plugin's rules listed read-only.</summary>
    public IReadOnlyList<PluginRuleSet> RuleSets { get; } =
    [
        new PluginRuleSet
        {
            Key = "proof-rules",
            Name = "Proof rules",
            Description = "A plugin's rule set, for the tests",
            RuleTypes = [typeof(ProofVipRule)],
        },
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProofSettings>(configuration);
        services.AddSingleton<DeliveryLedger>();
        services.AddTransient<FlakyHandler>();
        services.AddTransient<BrokenHandler>();
        services.AddTransient<HalfFailingBatchHandler>();
    }
}
