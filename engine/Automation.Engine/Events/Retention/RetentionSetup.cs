using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Events.Retention;

public static class RetentionSetup
{
    /// <summary>Compaction of the raw event log past Automation:Retention:EventDays, in the background.</summary>
    public static IServiceCollection AddEventRetention(this IServiceCollection services)
    {
        services.AddSingleton<EventRetention>();
        services.AddHostedService<EventRetentionService>();
        return services;
    }
}
