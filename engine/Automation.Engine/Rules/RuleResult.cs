namespace Automation.Engine.Rules;

/// <summary>One top-level rule's result.</summary>
public sealed record RuleResult(string Rule, bool Held, string? Output, string? Error);
