using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Events;

/// <summary>Ingestion: the validator every door shares and the signal that wakes the processor (the log itself is the processing home's).</summary>
public static class EventsSetup
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<IncomingEvent>, IncomingEventValidator>();
        services.AddSingleton<EventProcessingSignal>();
        services.AddSingleton<EventIngestion>();
        return services;
    }
}
