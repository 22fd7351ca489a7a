using Automation.Plugins.Sdk;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Content;

public static class ContentSetup
{
    /// <summary>The email template library: saving, and rendering for connectors (offered to plugins as <see cref="IEmailTemplates"/>).</summary>
    public static IServiceCollection AddEmailContent(this IServiceCollection services)
    {
        services.AddSingleton<EmailTemplateService>();
        services.AddSingleton<EmailTemplateLibrary>();
        services.AddSingleton<IEmailTemplates>(sp => sp.GetRequiredService<EmailTemplateLibrary>());
        return services;
    }
}
