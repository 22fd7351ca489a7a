using Automation.Composition.Configuration;
using Automation.Engine.Configuration;
using Automation.Engine.Telemetry;
using Automation.Host.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Automation.Host.Telemetry;

public static class TelemetrySetup
{
    /// <summary>MassTransit's own ActivitySource: sends and consumes continue the trace their message carries.</summary>
    public const string BusTraces = "MassTransit";

    /// <summary>
    /// OpenTelemetry: metrics always (the engine's meter, ASP.NET Core, HTTP client, runtime), scraped at /metrics and
    /// sent to an OTLP collector when configured; traces only when an exporter is configured or logs are JSON, so that
    /// an engine nobody traces records no spans at all.
    /// </summary>
    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.ReadAutomationOptions().Telemetry;
        builder.Services.AddSingleton<IngestTraces>();
        builder.Services.AddSingleton<StoredFigures>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("automation"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EngineTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter(o =>
                    {
                        o.ScrapeResponseCacheDurationMilliseconds = 0;
                        o.ScopeInfoEnabled = false;
                    });
                metrics.ConfigureServices(s => s.ConfigureOpenTelemetryMeterProvider((sp, m) => m.AddMeter(sp.GetRequiredService<StoredFigures>().Meter.Name)));
                if (settings.Exporter == TelemetryExporter.Otlp)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = settings.OtlpEndpoint ?? o.Endpoint);
                }
            });
        if (settings.Exporter == TelemetryExporter.None)
        {
            // Structured logs carry the trace and span ids of the activity they are written in: record spans (sent
            // nowhere) so that a log store can still group one event's lines.
            if (string.Equals(builder.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
            {
                telemetry.WithTracing(tracing => tracing.AddEngineTracing());
            }

            return;
        }

        telemetry.WithTracing(tracing =>
        {
            tracing.AddEngineTracing();
            if (settings.Exporter == TelemetryExporter.Otlp)
            {
                tracing.AddOtlpExporter(o => o.Endpoint = settings.OtlpEndpoint ?? o.Endpoint);
            }
            else
            {
                tracing.AddConsoleExporter();
            }
        });
    }

    /// <summary>The engine's spans, the bus's, incoming requests (not scrapes and probes) and outgoing HTTP calls.</summary>
    public static TracerProviderBuilder AddEngineTracing(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing.AddSource(EngineTelemetry.Name, BusTraces)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics") && !context.Request.Path.StartsWithSegments("/health"))
            .AddHttpClientInstrumentation();
    }

    /// <summary>GET /metrics in Prometheus text; the database's figures are read just before each scrape.</summary>
    public static void MapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(
            "/metrics",
            meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await context.RequestServices.GetRequiredService<StoredFigures>().RefreshAsync(timeout.Token);
                await next(context);
            }),
            optionsName: null)
            .AllowAnonymous().WithTags("Operations").WithSummary("Prometheus text format: the engine's counters and gauges, ASP.NET Core, HTTP client and .NET runtime metrics");
    }
}
