namespace Automation.Storage.Access;

/// <summary>An ingestion key created by an admin; only its SHA-256 hash is stored.</summary>
public sealed class ApiKeyRecord
{
    public required string KeyHash { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters, so people can tell keys apart.</summary>
    public required string Prefix { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
