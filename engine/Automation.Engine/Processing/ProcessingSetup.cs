using Automation.Engine.Events;
using Automation.Engine.Processing.Embedded;
using Automation.Engine.Processing.Quarantine;
using Automation.Engine.Processing.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Processing;

/// <summary>Registers event processing: the pipeline and its loop, and the one home chosen at composition.</summary>
public static class ProcessingSetup
{
    public static IServiceCollection AddEventProcessing(this IServiceCollection services)
    {
        services.AddSingleton<ProcessingTimings>();
        services.AddSingleton<CustomerEvaluator>();
        services.AddSingleton<WorkflowStage>();
        services.AddSingleton<CustomerQuarantine>();
        services.AddSingleton<QuarantineStage>();
        services.AddSingleton<EventProcessor>();
        services.AddHostedService<EventProcessingService>();
        return services;
    }

    /// <summary>One SQLite file, one engine process: profiles in memory, written behind.</summary>
    public static IServiceCollection AddEmbeddedProcessingHome(this IServiceCollection services)
    {
        services.AddSingleton<EventTail>();
        services.AddSingleton<EventInbox>();
        services.AddSingleton<EventFiler>();
        services.AddSingleton<IEventLog, EmbeddedEventLog>();
        services.AddSingleton<EmbeddedProcessingHome>();
        services.AddSingleton<IProcessingHome>(sp => sp.GetRequiredService<EmbeddedProcessingHome>());
        services.AddSingleton<IPartitionBacklogs, EmbeddedPartitionBacklogs>();
        return services;
    }

    /// <summary>PostgreSQL, any number of engine processes: profiles written with each batch.</summary>
    public static IServiceCollection AddSharedProcessingHome(this IServiceCollection services)
    {
        services.AddSingleton<IEventLog, SharedEventLog>();
        services.AddSingleton<IProcessingHome, SharedProcessingHome>();
        services.AddSingleton<IPartitionBacklogs, SharedPartitionBacklogs>();
        return services;
    }
}
