using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Plugins.Tests.Support;

/// <summary>
/// A plugin's container built the way the host builds it (logging, options, the plugin's own ConfigureServices with its
/// configuration section), so handlers are tested with the real configuration binding.
/// </summary>
public sealed class PluginUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public PluginUnderTest(IAutomationPlugin plugin, IDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddOptions();
        collection.AddSingleton<IMailDelivery, SmtpMailDelivery>(); // the host offers its own, with the built-in outbox
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        plugin.ConfigureServices(collection, configuration);
        services = collection.BuildServiceProvider();
        Plugin = plugin;
    }

    public IAutomationPlugin Plugin { get; }

    /// <summary>Runs the handler the plugin declares for the action type, as the host's consumer would.</summary>
    public Task<ActionResult> DispatchAsync(string actionType, CustomerSnapshot customer, object input, ActionContext? context = null) =>
        Handler(actionType).HandleAsync(Requests.For(actionType, customer, input, context), CancellationToken.None);

    /// <summary>The handler the plugin declares for the action type, from its container as the host resolves it.</summary>
    public ActionHandler Handler(string actionType)
    {
        var descriptor = Plugin.Actions.Single(a => a.Type == actionType);
        return (ActionHandler)services.GetRequiredService(descriptor.HandlerType);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
