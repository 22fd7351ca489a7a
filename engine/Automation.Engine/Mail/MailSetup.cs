using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Mail;

public static class MailSetup
{
    /// <summary>Email delivery over SMTP or into the built-in outbox (offered to plugins as <see cref="IMailDelivery"/>).</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<IMailDelivery>(sp => sp.GetRequiredService<MailDelivery>());
        return services;
    }
}
