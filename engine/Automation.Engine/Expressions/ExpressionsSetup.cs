
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Expressions;

/// <summary>The sandboxed expression language of segments, conditions and filters.</summary>
public static class ExpressionsSetup
{
    public static IServiceCollection AddExpressions(this IServiceCollection services)
    {
        services.AddSingleton<ProfileExpressionCompiler>();
        return services;
    }
}
