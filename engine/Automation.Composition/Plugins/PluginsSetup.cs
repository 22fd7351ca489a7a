using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Engine.Rules;
using Automation.Composition.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Automation.Composition.Plugins;

public static partial class PluginsSetup
{
    /// <summary>Loads the plugins folder now: the bus needs each action type's queue before it starts.</summary>
    public static void AddPlugins(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.ReadAutomationOptions();
        var folder = string.IsNullOrWhiteSpace(options.PluginsPath) ? Path.Combine(AppContext.BaseDirectory, "plugins") : Path.GetFullPath(options.PluginsPath);
        var catalog = new ActionCatalog();
        var plugins = PluginLoader.LoadAll(folder, catalog);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(new PluginRuleSets([.. plugins.SelectMany(p => p.RuleSets)]));
        builder.Services.AddSingleton(sp => new PluginRegistry(plugins, builder.Configuration, sp));
        builder.Services.AddHostedService(sp => new PluginReport(folder, plugins, sp.GetRequiredService<ILogger<PluginRegistry>>()));
    }

    /// <summary>Logs what was loaded and what failed, once, at start.</summary>
    private sealed partial class PluginReport(string folder, IReadOnlyList<LoadedPlugin> plugins, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (plugins.Count == 0)
            {
                LogNone(logger, folder);
            }

            foreach (var plugin in plugins)
            {
                if (plugin.Instance is null)
                {
                    LogFailed(logger, plugin.Name, plugin.Error ?? "");
                }
                else
                {
                    LogLoaded(logger, plugin.Name, plugin.Version ?? "", string.Join(", ", [.. plugin.ActionTypes, .. plugin.RuleSets.Select(r => $"rule set {r.Key}")]));
                    if (plugin.Error is not null)
                    {
                        LogFailed(logger, plugin.Name, plugin.Error);
                    }
                }
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Name} {Version} loaded: {Actions}")]
        private static partial void LogLoaded(ILogger logger, string name, string version, string actions);

        [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Name} not loaded: {Error}")]
        private static partial void LogFailed(ILogger logger, string name, string error);

        [LoggerMessage(Level = LogLevel.Warning, Message = "No plugins found in {Folder}")]
        private static partial void LogNone(ILogger logger, string folder);
    }
}
