namespace Automation.Storage.Audit;

/// <summary>Append-only: who did what to which thing, and when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Subject { get; set; }

    public string Detail { get; set; } = "";
}
