namespace Automation.Host.Api;

/// <summary>The signed-in person as the web app sees them: who, and which roles they hold.</summary>
public sealed record SignedInUser(string? Email, string? DisplayName, IReadOnlyList<string> Roles);
