namespace Automation.Host.Api;

/// <summary>What to suppress: an email address or a customer id (one of them), and why.</summary>
public sealed record SuppressionRequest(string? Email, string? CustomerId, string? Reason);
