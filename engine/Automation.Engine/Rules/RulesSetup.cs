using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Automation.Engine.Rules;

/// <summary>The rules feature: compiling rule sets to NRules, the catalog of compiled versions, saving, and deciding at crossings.</summary>
public static class RulesSetup
{
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddSingleton<RuleSetCompiler>();
        services.TryAddSingleton(new PluginRuleSets([])); // the host's plugin loading registers the real ones
        services.AddSingleton<RuleSetCatalog>();
        services.AddSingleton<RuleSetService>();
        services.AddSingleton<CrossingDecisions>();
        return services;
    }
}
