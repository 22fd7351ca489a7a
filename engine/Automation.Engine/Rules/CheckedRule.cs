using System.Linq.Expressions;

namespace Automation.Engine.Rules;

/// <summary>A top-level rule after checking: its runtime description and its expressions over Features and Scores.</summary>
internal sealed record CheckedRule(CompiledRule Rule, bool Enabled, Expression? Condition, Expression? Output, IReadOnlyList<string> Requires, IReadOnlyList<string> Unless);
