namespace Automation.Host.Api;

/// <summary>A feature or score an expression may name, with its type and, for a count of days, its unit ("days").</summary>
public sealed record ExpressionMember(string Name, string Type, string? Unit = null);
