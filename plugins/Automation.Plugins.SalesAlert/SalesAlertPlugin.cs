using Automation.Plugins.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Plugins.SalesAlert;

/// <summary>The sales alert connector: one action type, sales.alert.</summary>
public sealed class SalesAlertPlugin : IAutomationPlugin
{
    public PluginManifest Manifest { get; } = new("SalesAlert", "1.0.0", "[1.0,2.0)");

    public IReadOnlyList<ActionDescriptor> Actions { get; } =
    [
        new ActionDescriptor
        {
            Type = "sales.alert",
            DisplayName = "Alert sales",
            Description = "Tells sales about the customer, with scores and reasons, in the team's channel and/or by email to the account owner",
            Channel = "sales",
            InputSchema = """
                {
                  "type": "object",
                  "required": [],
                  "properties": {
                    "owner": { "type": "string", "format": "email", "title": "Account owner", "description": "Email address of the owner to notify; needs SMTP configured" },
                    "note": { "type": "string", "maxLength": 500, "title": "Note", "description": "A line for sales, e.g. call within a day" }
                  },
                  "additionalProperties": false
                }
                """,
            BudgetAffecting = false,
            EstimatedCost = 0m,
            HandlerType = typeof(SalesAlertHandler),
        },
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SalesAlertSettings>(configuration);
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<OwnerMailer>();
        services.AddTransient<SalesAlertHandler>();
    }
}
