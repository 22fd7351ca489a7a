namespace Automation.Engine.Dispatch;

/// <summary>How addresses are compared on the suppression list: trimmed and lower-case.</summary>
public static class Suppressions
{
    public static string? Normalize(string? address) =>
        string.IsNullOrWhiteSpace(address) ? null : address.Trim().ToLowerInvariant();
}
