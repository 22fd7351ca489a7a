using System.Collections.Concurrent;
using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Automation.Composition.Plugins;

/// <summary>
/// The plugins found at start-up and, lazily, each loaded plugin's own service container, which offers the host's
/// services that the SDK declares (the email template library, mail delivery).
/// </summary>
public sealed class PluginRegistry(IReadOnlyList<LoadedPlugin> plugins, IConfiguration configuration, IServiceProvider host)
{
    private readonly ConcurrentDictionary<string, Lazy<IServiceProvider>> containers = new(StringComparer.Ordinal);

    public IReadOnlyList<LoadedPlugin> Plugins => plugins;

    /// <summary>Creates the handler for an action in its plugin's container (built on first use, with the host's logging).</summary>
    public ActionHandler CreateHandler(RegisteredAction action, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(action);
        var plugin = plugins.First(p => p.Name == action.Plugin && p.Loaded);
        var services = containers.GetOrAdd(plugin.Name, _ => new Lazy<IServiceProvider>(() => Build(plugin, loggers))).Value;
        return (ActionHandler)services.GetRequiredService(action.Descriptor.HandlerType);
    }

    private ServiceProvider Build(LoadedPlugin plugin, ILoggerFactory loggers)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddOptions();
        services.AddSingleton(_ => host.GetRequiredService<IEmailTemplates>());
        services.AddSingleton(_ => host.GetRequiredService<IMailDelivery>());
        plugin.Instance!.ConfigureServices(services, configuration.GetSection($"Automation:Plugins:{plugin.Name}"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = false });
    }
}
