using Automation.Engine;
using Automation.Engine.Segments;

namespace Automation.Host;

public static class EngineSetup
{
    /// <summary>
    /// Compiles the stored segments at start-up, once the database is migrated and seeded: otherwise the first event batch
    /// pays for it, and a definition that no longer compiles is reported only then.
    /// </summary>
    public static async Task CompileSegmentsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<SegmentCatalog>().CurrentAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>The engine's domain services and its background loops (event processing, timers, outbox relay).</summary>
    public static void AddEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAutomationEngine();
    }
}
