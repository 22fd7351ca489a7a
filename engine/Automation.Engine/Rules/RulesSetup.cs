
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Rules;

/// <summary>Rule sets: compiled per published version, and their authoring.</summary>
public static class RulesSetup
{
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddSingleton<RuleSetCompiler>();
        services.AddSingleton<RuleSetCatalog>();
        services.AddSingleton<RuleSetService>();
        return services;
    }
}
