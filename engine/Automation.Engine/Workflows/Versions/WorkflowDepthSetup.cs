using Automation.Engine.Workflows.Runtime;
using Automation.Engine.Workflows.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Workflows.Versions;

public static class WorkflowDepthSetup
{
    /// <summary>Version migration of waiting instances, external-task completion and inbound webhooks.</summary>
    public static IServiceCollection AddWorkflowDepth(this IServiceCollection services)
    {
        services.AddSingleton<InstanceMigration>();
        services.AddSingleton<ExternalTaskCompletion>();
        services.AddSingleton<InboundWebhook>();
        return services;
    }
}
