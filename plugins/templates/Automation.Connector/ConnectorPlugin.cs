using Automation.Plugins.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Acme.Connector;

/// <summary>Who the plugin is and what it does; the host finds this class, checks the manifest and wires the handler.</summary>
public sealed class ConnectorPlugin : IAutomationPlugin
{
    // The designer builds the activity's form from this schema; workflows whose input does not match are refused.
    private const string NoteSchema = """
        {
          "type": "object",
          "required": ["text"],
          "properties": {
            "text": { "type": "string", "minLength": 1, "maxLength": 500, "title": "Text", "description": "What to note about the customer" }
          },
          "additionalProperties": false
        }
        """;

    public PluginManifest Manifest { get; } = new("AcmePluginName", "1.0.0", "[1.0,2.0)");

    public IReadOnlyList<ActionDescriptor> Actions { get; } =
    [
        new ActionDescriptor
        {
            Type = "acme.note",
            DisplayName = "Note about the customer",
            Description = "Writes a note about the customer to the external system",
            Channel = "notes",          // consent and frequency caps apply per channel
            InputSchema = NoteSchema,
            BudgetAffecting = false,    // true: every dispatch waits for an approver and counts against the budget
            EstimatedCost = 0m,
            HandlerType = typeof(NoteHandler),
        },
        new ActionDescriptor
        {
            // The same action carried out in batches: many customers per call, at most 60 calls a minute.
            Type = "acme.note.batch",
            DisplayName = "Note about the customer (batched)",
            Description = "Writes notes for many customers to the external system in one request",
            Channel = "notes",
            InputSchema = NoteSchema,
            BatchSize = 500,                            // the most actions one call takes
            BatchWindow = TimeSpan.FromSeconds(1),      // how long the host waits to fill a batch
            RateLimit = new ActionRateLimit(60, TimeSpan.FromMinutes(1), RateLimitUnit.Calls), // beyond it, actions wait their turn
            HandlerType = typeof(NoteBatchHandler),
        },
    ];

    // Rules written in C# with NRules.Fluent: listed read-only in the designer beside the marketers' rule sets, usable by
    // a workflow's ruleSet activity under this key. A rule class that does not load fails the plugin's load.
    public IReadOnlyList<PluginRuleSet> RuleSets { get; } =
    [
        new PluginRuleSet
        {
            Key = "acme-plugin-key-rules",
            Name = "AcmePluginName rules",
            Description = "Offers decided by the AcmePluginName connector's own rules",
            RuleTypes = [typeof(BigSpenderRule)],
            FactTypes = [],         // fact types your rules match or insert besides RuleCustomer
        },
    ];

    /// <param name="configuration">The section Automation:Plugins:AcmePluginName; secrets belong there, never in workflow JSON.</param>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ConnectorSettings { Target = configuration["Target"] ?? "notes" });
        services.AddTransient<NoteHandler>();
        services.AddTransient<NoteBatchHandler>();
    }
}
