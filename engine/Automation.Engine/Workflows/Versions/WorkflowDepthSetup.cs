using Automation.Engine.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Workflows.Versions;

public static class WorkflowDepthSetup
{
    /// <summary>Version migration of waiting instances and external-task completion.</summary>
    public static IServiceCollection AddWorkflowDepth(this IServiceCollection services)
    {
        services.AddSingleton<InstanceMigration>();
        services.AddSingleton<ExternalTaskCompletion>();
        return services;
    }
}
