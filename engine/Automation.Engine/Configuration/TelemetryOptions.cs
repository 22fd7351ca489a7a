namespace Automation.Engine.Configuration;

/// <summary>Where traces and metrics go besides the Prometheus scrape at /metrics.</summary>
public sealed class TelemetryOptions
{
    /// <summary>None (default: no traces are recorded at all), Otlp or Console (for development).</summary>
    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.None;

    /// <summary>The collector for Otlp, e.g. http://127.0.0.1:4317; unset: the exporter's default (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public Uri? OtlpEndpoint { get; set; }
}
