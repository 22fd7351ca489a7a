using Automation.Plugins.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Plugins.Webhook;

/// <summary>The webhook connector: one action type, webhook.send (Elsa's SendHttpRequest as a journey step).</summary>
public sealed class WebhookPlugin : IAutomationPlugin
{
    public PluginManifest Manifest { get; } = new("Webhook", "1.0.0", "[1.0,2.0)");

    public IReadOnlyList<ActionDescriptor> Actions { get; } =
    [
        new ActionDescriptor
        {
            Type = "webhook.send",
            DisplayName = "Call webhook",
            Description = "Calls an external HTTP endpoint with a JSON body templated from the customer's profile; only hosts the configuration allows",
            Channel = "webhook",
            InputSchema = """
                {
                  "type": "object",
                  "required": ["url"],
                  "properties": {
                    "method": { "type": "string", "enum": ["POST", "PUT", "PATCH", "GET", "DELETE"], "default": "POST", "title": "Method" },
                    "url": { "type": "string", "minLength": 1, "title": "URL", "description": "http(s) URL on a host listed in Automation:Plugins:Webhook:AllowedHosts" },
                    "headers": { "type": "object", "additionalProperties": { "type": "string" }, "title": "Headers" },
                    "body": { "type": "string", "title": "Body (JSON with {{placeholders}} such as {{customerId}}, {{email}})" }
                  },
                  "additionalProperties": false
                }
                """,
            BudgetAffecting = false,
            EstimatedCost = 0m,
            HandlerType = typeof(WebhookSendHandler),
        },
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookSettings>(configuration);
        services.AddSingleton<WebhookSendHandler>();
    }
}
