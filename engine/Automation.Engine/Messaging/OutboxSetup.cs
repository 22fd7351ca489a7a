
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Messaging;

/// <summary>The outbox: messages written with the data that caused them, relayed to the bus after commit.</summary>
public static class OutboxSetup
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        return services;
    }
}
