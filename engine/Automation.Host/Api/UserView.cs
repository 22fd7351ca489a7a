namespace Automation.Host.Api;

/// <summary>An account as the admin sees it (never the password).</summary>
public sealed record UserView(string Email, string DisplayName, IReadOnlyList<string> Roles, DateTime CreatedAt, string? CreatedBy, string? ConfirmedBy);
