using Automation.Composition.Configuration;
using Automation.Composition.Storage;
using Automation.Engine.Actions;
using Automation.Engine.Segments;
using Automation.Host;
using Automation.Host.Configuration;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Automation.Benchmarks;

/// <summary>The engine composed as the host composes it, without HTTP or plugins: migrated, with the built-in segments.</summary>
public static class BenchmarkEngine
{
    /// <summary>Builds the configured builder's engine; the caller disposes the app.</summary>
    public static async Task<WebApplication> StartAsync(WebApplicationBuilder builder, TimeProvider? clock = null, Action<IServiceCollection>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAutomationOptions();
        builder.AddStorage();
        builder.AddEngine();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock); // after the engine's own registration: the last one wins
        }

        overrides?.Invoke(builder.Services); // likewise

        builder.Services.TryAddSingleton(new Automation.Engine.Actions.ActionCatalog());
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        var databases = app.Services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        db.Segments.AddRange(BuiltInSegments.All());
        await db.SaveChangesAsync();
        await app.CompileSegmentsAsync();
        return app;
    }
}
