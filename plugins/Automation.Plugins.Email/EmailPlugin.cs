using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
            Description = "Sends an email from the template library to the customer over SMTP, personalized for them",
            Channel = "email",
            InputSchema = """
                {
                  "type": "object",
                  "required": ["template"],
                  "properties": {
                    "template": { "type": "string", "minLength": 1, "format": "email-template", "title": "Template", "description": "An email from the template library (Templates page)" },
                    "subject": { "type": "string", "title": "Subject (overrides the template's)" },
                    "from": { "type": "string", "title": "From address (overrides the template's sender)" },
                    "body": { "type": "string", "title": "Body (overrides the template's text)" }
                  },
                  "additionalProperties": false
                }
                """,
            BudgetAffecting = false,
            EstimatedCost = 0.001m,
            // Many messages over one pooled SMTP session (kept open between batches, so a small batch costs no reconnect).
            // A crash repeats at most one call's sends (3b), so a batch holds no more than the 16 deliveries a single
            // handler ran at once. A provider's sending rate goes in Automation:Dispatch:RateLimits.
            BatchSize = 16,
            HandlerType = typeof(EmailSendHandler),
        },
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailSettings>(configuration);
        services.AddSingleton(sp => new SmtpConnectionPool(sp.GetRequiredService<IOptions<EmailSettings>>().Value.Smtp));
        services.AddTransient<EmailComposer>();
        services.AddTransient<EmailSendHandler>();
    }
}
