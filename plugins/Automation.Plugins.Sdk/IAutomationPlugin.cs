using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Plugins.Sdk;

/// <summary>
/// A plugin's start-up class: one public, parameterless implementation per plugin assembly.
/// The host discovers it, checks the manifest, and wires each action's handler as a bus consumer.
/// </summary>
public interface IAutomationPlugin
{
    PluginManifest Manifest { get; }

    IReadOnlyList<ActionDescriptor> Actions { get; }

    /// <summary>Rule sets written in C# with NRules.Fluent; none unless the plugin ships some.</summary>
    IReadOnlyList<PluginRuleSet> RuleSets => [];

    /// <summary>Registers the plugin's services, its handlers included, in the plugin's own container.</summary>
    /// <param name="services">The plugin's container; logging is already there.</param>
    /// <param name="configuration">The section Automation:Plugins:{Manifest.Name}.</param>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration);
}
