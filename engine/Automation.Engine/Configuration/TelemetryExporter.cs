namespace Automation.Engine.Configuration;

public enum TelemetryExporter
{
    None,
    Otlp,
    Console,
}
