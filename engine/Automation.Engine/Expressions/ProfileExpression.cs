namespace Automation.Engine.Expressions;

/// <summary>A compiled, sandbox-checked boolean expression over a customer's features and scores.</summary>
public sealed record ProfileExpression(string Text, Func<Profiles.CustomerFeatures, Profiles.CustomerScores, bool> Evaluate, IReadOnlyList<string> Members);
