namespace Automation.Host.Api;

/// <summary>An API key as the admin sees it: never the key, only its id, label, prefix, scope and use.</summary>
public sealed record ApiKeyView(
    string Id,
    string Name,
    string Prefix,
    string Scope,
    string Source,
    string CreatedBy,
    DateTime? CreatedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt);
