using Automation.Composition.Configuration;
using Automation.Composition.Storage;
using Automation.Engine.Actions;
using Automation.Engine.Segments;
using Automation.Host;
using Automation.Host.Configuration;
using Automation.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Automation.Integration.Tests.Support;

/// <summary>
/// The engine as the host composes it on an SQLite file, migrated and with the built-in segments, but with no
/// background services: the test drives the processor itself (and may stop it anywhere, as a crash would).
/// </summary>
public static class DrivenEngine
{
    public static async Task<WebApplication> StartAsync(string sqlite, IDictionary<string, string>? settings = null)
    {
        var builder = EngineBuilder.CreateWeb();
        builder.Logging.ClearProviders();
        builder.Configuration["Automation:SqlitePath"] = sqlite;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Configuration[key] = value;
        }

        builder.AddAutomationOptions();
        builder.AddStorage();
        builder.AddEngine();
        builder.Services.TryAddSingleton(new Automation.Engine.Actions.ActionCatalog());
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        await using var db = await DatabaseAsync(app);
        if (!await db.Segments.AnyAsync())
        {
            db.Segments.AddRange(BuiltInSegments.All());
            await db.SaveChangesAsync();
        }

        return app;
    }

    public static Task<AutomationDbContext> DatabaseAsync(WebApplication engine) =>
        engine.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>().CreateDbContextAsync();
}
