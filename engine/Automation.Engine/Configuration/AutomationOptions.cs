namespace Automation.Engine.Configuration;

/// <summary>The "Automation" configuration section.</summary>
public sealed class AutomationOptions
{
    public const string Section = "Automation";

    /// <summary>InMemory (embedded default) or RabbitMq.</summary>
    public TransportKind Transport { get; set; } = TransportKind.InMemory;

    /// <summary>Sqlite (embedded default, file under ./data/) or Postgres.</summary>
    public DatabaseKind Database { get; set; } = DatabaseKind.Sqlite;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>SQLite file; relative paths are under the content root.</summary>
    public string SqlitePath { get; set; } = "data/automation.db";

    /// <summary>Npgsql connection string, e.g. "Host=127.0.0.1;Database=automation;Username=automation;Password=…".</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Folder of plugin sub-folders; default: "plugins" beside the host's binaries.</summary>
    public string? PluginsPath { get; set; }

    /// <summary>Folder of shipped workflow definitions imported on start; default: "workflows" beside the host.</summary>
    public string? WorkflowsPath { get; set; }

    /// <summary>Keys accepted in X-Api-Key for ingestion.</summary>
    public IList<string> ApiKeys { get; } = [];

    public AdminOptions Admin { get; set; } = new();

    public TelemetryOptions Telemetry { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    public AccessOptions Access { get; set; } = new();

    /// <summary>The workspace's time zone (IANA id): what waitUntil uses for a customer whose own zone is unknown.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Seed demo customers, segments and workflows into an empty database.</summary>
    public bool SeedDemoData { get; set; }

    public ProcessingOptions Processing { get; set; } = new();

    public ClusterOptions Cluster { get; set; } = new();

    public DispatchOptions Dispatch { get; set; } = new();

    public ScoringOptions Scoring { get; set; } = new();
    public ApprovalOptions Approvals { get; set; } = new();
}
