namespace Automation.Host.Api;

/// <summary>One problem in a refused request: the field, why, and the activity or batch item it belongs to.</summary>
public sealed record ProblemItem(string? ActivityId, string Field, string Message, int? Position = null, int? Index = null);
