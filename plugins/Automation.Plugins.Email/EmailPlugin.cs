using Automation.Plugins.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Plugins.Email;

/// <summary>The email connector: one action type, email.send.</summary>
public sealed class EmailPlugin : IAutomationPlugin
{
    public PluginManifest Manifest { get; } = new("Email", "1.0.0", "[1.0,2.0)");

    public IReadOnlyList<ActionDescriptor> Actions { get; } =
    [
        new ActionDescriptor
        {
            Type = "email.send",
            DisplayName = "Send email",
            Description = "Sends a templated email to the customer over SMTP",
            Channel = "email",
            InputSchema = """
                {
                  "type": "object",
                  "required": ["template"],
                  "properties": {
                    "template": { "type": "string", "minLength": 1, "title": "Template", "description": "winback-10, high-intent, cart-reminder, cart-last-call, welcome, onboarding-tips, or a configured one" },
                    "subject": { "type": "string", "title": "Subject (overrides the template's)" },
                    "from": { "type": "string", "title": "From address (overrides the configured sender)" },
                    "body": { "type": "string", "title": "Body (overrides the template's text)" }
                  },
                  "additionalProperties": false
                }
                """,
            BudgetAffecting = false,
            EstimatedCost = 0.001m,
            HandlerType = typeof(EmailSendHandler),
        },
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailSettings>(configuration);
        services.AddTransient<EmailSendHandler>();
    }
}
