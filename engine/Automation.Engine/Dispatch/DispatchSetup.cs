using Automation.Engine.Actions;
using Automation.Engine.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Dispatch;

/// <summary>Dispatch: guards, the pipeline actions are handed to, outcomes, and what recovers actions whose outcome is lost or overdue.</summary>
public static class DispatchSetup
{
    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddSingleton<DispatchGuards>();
        services.AddSingleton<ApprovalGrouping>();
        services.AddSingleton<DispatchPipeline>();
        services.AddSingleton<IActionDispatch>(sp => sp.GetRequiredService<DispatchPipeline>());
        services.AddSingleton<DispatchOutcomeWriter>();
        services.AddSingleton<OutageRetry>();
        services.AddSingleton<ConnectorThrottles>();
        services.AddSingleton<ActionResolution>();
        services.AddSingleton<IDueWork, HeldActionRelease>();
        services.AddHostedService<InFlightDispatchRecovery>();
        services.AddHostedService<OverdueOutcomeReconciler>();
        return services;
    }
}
