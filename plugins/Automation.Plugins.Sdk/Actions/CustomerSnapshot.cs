namespace Automation.Plugins.Sdk;

/// <summary>The customer's contact details and profile fields at dispatch time, for templates and audiences.</summary>
public sealed record CustomerSnapshot(
    string CustomerId,
    string? Email,
    string? Name,
    string? Phone,
    string? TimeZone,
    IReadOnlyDictionary<string, string> Fields);
