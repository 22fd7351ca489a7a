namespace Automation.Host.Api;

/// <summary>POST /api/rule-sets/{key}/evaluate: which customer to try the rule set on.</summary>
public sealed record EvaluateRuleSetRequest(string? CustomerId);
