using Automation.Engine.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Approvals;

/// <summary>Approvals: decisions by people, and expiry.</summary>
public static class ApprovalsSetup
{
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddSingleton<ApprovalService>();
        services.AddSingleton<ApprovalGroupService>();
        services.AddSingleton<IDueWork, ApprovalExpiry>();
        return services;
    }
}
