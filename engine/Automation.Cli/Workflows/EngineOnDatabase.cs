using Automation.Composition.Configuration;
using Automation.Composition.Plugins;
using Automation.Composition.Storage;
using Automation.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Automation.Cli.Workflows;

/// <summary>
/// The engine's services composed exactly as the host composes them (settings, storage, engine, plugins), over an
/// existing database, without starting any background loop or the bus: for offline commands such as simulate.
/// </summary>
public static class EngineOnDatabase
{
    public static IHost Build(string? database, string? sqlitePath, string? postgres, string? plugins, TimeProvider? clock = null)
    {
        var builder = EngineBuilder.CreateHost();
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Automation:Database"] = database,
            ["Automation:SqlitePath"] = sqlitePath,
            ["Automation:PostgresConnectionString"] = postgres,
            ["Automation:PluginsPath"] = plugins,
        };
        builder.Configuration.AddInMemoryCollection(overrides.Where(o => o.Value is not null));
        builder.Logging.SetMinimumLevel(LogLevel.Warning); // the report is the output, not every SQL command
        builder.AddAutomationOptions();
        builder.AddStorage();
        builder.Services.AddAutomationEngine();
        builder.AddPlugins();
        if (clock is not null)
        {
            // A history is read as of its own end, not today's clock.
            builder.Services.AddSingleton(clock);
        }

        return builder.Build();
    }
}
