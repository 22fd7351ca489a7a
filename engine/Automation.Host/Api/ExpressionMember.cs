namespace Automation.Host.Api;

/// <summary>A feature or score an expression may name, with its type.</summary>
public sealed record ExpressionMember(string Name, string Type);
