using Automation.Plugins.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Automation.Plugins.Retargeting;

/// <summary>The retargeting connector: retargeting.include and retargeting.exclude keep named ad audiences.</summary>
public sealed class RetargetingPlugin : IAutomationPlugin
{
    private const string AudienceSchema = """
        {
          "type": "object",
          "required": ["audience"],
          "properties": {
            "audience": {
              "type": "string",
              "minLength": 1,
              "maxLength": 100,
              "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
              "title": "Audience",
              "description": "The ad audience's name, e.g. prospecting"
            }
          },
          "additionalProperties": false
        }
        """;

    public PluginManifest Manifest { get; } = new("Retargeting", "1.0.0", "[1.0,2.0)");

    // Both directions change what the ad platform serves and bills, so both wait for approval and count against budget.
    public IReadOnlyList<ActionDescriptor> Actions { get; } =
    [
        new ActionDescriptor
        {
            Type = "retargeting.include",
            DisplayName = "Add to ad audience",
            Description = "Adds the customer (hashed email and phone) to a named ad audience",
            Channel = "ads",
            InputSchema = AudienceSchema,
            BudgetAffecting = true,
            Idempotent = true, // adding or removing the same people again changes nothing, and the API takes the key
            EstimatedCost = 0.05m,
            BatchSize = AudienceApiClient.MaxBatchSize, // one request per audience for up to 10,000 members
            BatchWindow = TimeSpan.FromSeconds(1),
            HandlerType = typeof(RetargetingIncludeHandler),
        },
        new ActionDescriptor
        {
            Type = "retargeting.exclude",
            DisplayName = "Remove from ad audience",
            Description = "Removes the customer (hashed email and phone) from a named ad audience, e.g. to stop prospecting ads",
            Channel = "ads",
            InputSchema = AudienceSchema,
            BudgetAffecting = true,
            Idempotent = true, // adding or removing the same people again changes nothing, and the API takes the key
            EstimatedCost = 0.05m,
            BatchSize = AudienceApiClient.MaxBatchSize, // one request per audience for up to 10,000 members
            BatchWindow = TimeSpan.FromSeconds(1),
            HandlerType = typeof(RetargetingExcludeHandler),
        },
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetargetingSettings>(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AudienceApiClient>();
        services.AddSingleton<AudienceCsvExport>();
        services.AddTransient<RetargetingIncludeHandler>();
        services.AddTransient<RetargetingExcludeHandler>();
    }
}
