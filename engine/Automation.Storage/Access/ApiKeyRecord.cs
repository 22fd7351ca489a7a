namespace Automation.Storage.Access;

/// <summary>An API key created by an admin; only its SHA-256 hash is stored.</summary>
public sealed class ApiKeyRecord
{
    public required string KeyHash { get; set; }

    /// <summary>The label admins tell keys apart by (what uses the key).</summary>
    public required string Name { get; set; }

    /// <summary>The first characters, so people can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>"ingest" (events only) or "reporting" (aggregate reports, read-only).</summary>
    public string Scope { get; set; } = "ingest";

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the key was last used, written at most once a minute per key.</summary>
    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
