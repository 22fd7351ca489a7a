using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Automation.Engine.Expressions;

namespace Automation.Engine.Rules;

/// <summary>
/// Checks a rule set document and turns each top-level rule's conditions into one sandboxed expression over Features
/// and Scores (params inlined, nested All/Any/Not folded), collecting every problem with its field path.
/// </summary>
internal sealed partial class RuleSetChecker(ProfileExpressionCompiler expressions)
{
    private const int MaxRules = 100;
    private const int MaxDepth = 5;
    private const int MaxPriority = 1000;
    private const int MaxText = 200;
    private static readonly string[] AllOperators = ["And", "AndAlso"];
    private static readonly string[] AnyOperators = ["Or", "OrElse"];
    private const string NoneOperator = "Not";

    private readonly List<RuleSetProblem> problems = [];
    private int count;

    public IReadOnlyList<RuleSetProblem> Problems => problems;

    public IReadOnlyList<CheckedRule> Check(RuleSetDocument document)
    {
        var globals = CheckParams(document.GlobalParams, "globalParams", RuleScope.Empty);
        if (document.Rules.Count == 0)
        {
            Add("rules", "a rule set needs at least one rule");
        }

        var rules = new List<CheckedRule>();
        for (var i = 0; i < document.Rules.Count; i++)
        {
            var rule = document.Rules[i];
            var at = $"rules[{i}]";
            if (++count > MaxRules)
            {
                Add(at, $"a rule set holds at most {MaxRules} rules");
                break;
            }

            var scope = CheckParams(rule.LocalParams, $"{at}.localParams", globals);
            var hasRequires = rule.Requires is { Count: > 0 };
            var condition = CheckCondition(rule, at, scope, 1, optional: hasRequires);
            var output = CheckOutput(rule.Actions?.OnSuccess, $"{at}.actions.onSuccess", scope);
            CheckOutput(rule.Actions?.OnFailure, $"{at}.actions.onFailure", scope);
            rules.Add(new CheckedRule(Outcomes(rule, i, at, condition), rule.Enabled, condition, output, Names(rule.Requires, $"{at}.requires"), Names(rule.Unless, $"{at}.unless")));
        }

        CheckBinding(document);
        CheckNames(document.Rules);
        CheckChains(document.Rules);
        return rules;
    }

    private CompiledRule Outcomes(RuleDocument rule, int index, string at, Expression? condition)
    {
        if (rule.Priority is < -MaxPriority or > MaxPriority)
        {
            Add($"{at}.priority", $"a priority is between -{MaxPriority} and {MaxPriority}");
        }

        foreach (var (name, value) in rule.Set ?? [])
        {
            if (!IdentifierPattern().IsMatch(name) || value is null || value.Length > MaxText)
            {
                Add($"{at}.set.{name}", $"a decision value has a name of letters, digits and dashes and a text of at most {MaxText} characters");
            }
        }

        if (rule.Suppress is { } suppress && (string.IsNullOrWhiteSpace(suppress) || suppress.Length > MaxText))
        {
            Add($"{at}.suppress", $"a suppression needs a reason of at most {MaxText} characters");
        }

        return new CompiledRule
        {
            Name = rule.RuleName ?? "",
            Index = index,
            Priority = rule.Priority,
            Values = rule.Set ?? [],
            Suppress = rule.Suppress,
            Asserts = Names(rule.Assert, $"{at}.assert"),
            Starts = Names(rule.Start, $"{at}.start"),
            Tags = Names(rule.Tag, $"{at}.tag"),
            Members = condition is null ? [] : ProfileMembers.Of(condition),
        };
    }

    /// <summary>The rule's condition: its expression, or its nested rules folded by its operator.</summary>
    private Expression? CheckCondition(RuleDocument rule, string at, RuleScope scope, int depth, bool optional = false)
    {
        if (string.IsNullOrWhiteSpace(rule.RuleName))
        {
            Add($"{at}.ruleName", "every rule needs a name");
        }

        if (depth > 1 && (rule.Requires ?? rule.Unless ?? rule.Assert ?? rule.Start ?? rule.Tag) is not null || depth > 1 && (rule.Set is not null || rule.Suppress is not null || rule.Priority != 0))
        {
            Add(at, "priority, set, suppress, start, tag, assert, requires and unless belong to top-level rules");
        }

        if (rule.Rules is { Count: > 0 } nested)
        {
            if (!string.IsNullOrWhiteSpace(rule.Expression))
            {
                Add($"{at}.expression", "a rule has either an expression or nested rules, not both");
            }

            if (depth >= MaxDepth)
            {
                Add($"{at}.rules", $"rules nest deeper than {MaxDepth} levels");
                return null;
            }

            var parts = new List<Expression>();
            for (var i = 0; i < nested.Count; i++)
            {
                var inner = CheckParams(nested[i].LocalParams, $"{at}.rules[{i}].localParams", scope);
                if (++count > MaxRules)
                {
                    Add($"{at}.rules[{i}]", $"a rule set holds at most {MaxRules} rules");
                    return null;
                }

                if (CheckCondition(nested[i], $"{at}.rules[{i}]", inner, depth + 1) is { } part && nested[i].Enabled)
                {
                    parts.Add(part);
                }
            }

            return Fold(rule.Operator, parts, $"{at}.operator");
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            if (!optional)
            {
                Add($"{at}.expression", "a rule needs an expression, nested rules or facts it requires");
            }

            return null;
        }

        return CheckExpression(rule.Expression, $"{at}.expression", scope, typeof(bool));
    }

    private Expression? Fold(string? op, List<Expression> parts, string path)
    {
        if (AllOperators.Contains(op, StringComparer.Ordinal))
        {
            return parts.Aggregate((Expression)Expression.Constant(true), (all, part) => Expression.AndAlso(all, part));
        }

        if (AnyOperators.Contains(op, StringComparer.Ordinal) || op == NoneOperator)
        {
            var any = parts.Aggregate((Expression)Expression.Constant(false), (all, part) => Expression.OrElse(all, part));
            return op == NoneOperator ? Expression.Not(any) : any;
        }

        Add(path, $"a rule with nested rules needs an operator: {string.Join(", ", [.. AllOperators, .. AnyOperators, NoneOperator])}");
        return null;
    }

    private RuleScope CheckParams(List<ScopedParamDocument>? parameters, string path, RuleScope scope)
    {
        for (var i = 0; i < (parameters?.Count ?? 0); i++)
        {
            var parameter = parameters![i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(parameter.Name) || !IsIdentifier(parameter.Name) || parameter.Name is "Features" or "Scores" || RuleFacts.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                Add($"{at}.name", "a param needs a name of letters, digits and underscores, other than Features, Scores, Segments, Trigger, Recent and Tags");
                continue;
            }

            if (string.IsNullOrWhiteSpace(parameter.Expression))
            {
                Add($"{at}.expression", "a param needs an expression");
                continue;
            }

            // Each param sees the ones declared before it.
            if (CheckExpression(parameter.Expression, $"{at}.expression", scope, null) is { } body)
            {
                scope = scope.With(Expression.Parameter(body.Type, parameter.Name), body);
            }
        }

        return scope;
    }

    private Expression? CheckOutput(RuleOutputDocument? output, string path, RuleScope scope)
    {
        if (output is null)
        {
            return null;
        }

        if (!string.Equals(output.Name, RuleOutputDocument.OutputExpression, StringComparison.Ordinal))
        {
            Add($"{path}.name", $"only the {RuleOutputDocument.OutputExpression} action is allowed");
            return null;
        }

        var expression = output.Context?.FirstOrDefault(c => string.Equals(c.Key, "expression", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(expression) || output.Context!.Count != 1)
        {
            Add($"{path}.context", "an output needs exactly one entry, \"expression\"");
            return null;
        }

        return CheckExpression(expression, $"{path}.context.expression", scope, null);
    }

    /// <summary>The sandboxed expression with the params it names replaced by their definitions.</summary>
    private Expression? CheckExpression(string text, string path, RuleScope scope, Type? returnType)
    {
        if (text.Length > ProfileExpressionCompiler.MaxLength)
        {
            Add(path, $"the expression is longer than {ProfileExpressionCompiler.MaxLength} characters");
            return null;
        }

        if (expressions.TryParse(text, [.. RuleFacts.Parameters, .. scope.Parameters], returnType, out var body, out _, out var found))
        {
            return scope.Inline(body);
        }

        problems.AddRange(found.Select(p => new RuleSetProblem(path, p.Message, p.Position)));
        return null;
    }

    private List<string> Names(List<string>? names, string path)
    {
        for (var i = 0; i < (names?.Count ?? 0); i++)
        {
            if (names![i] is null || !IdentifierPattern().IsMatch(names[i]))
            {
                Add($"{path}[{i}]", "a fact's name is 1–60 letters, digits and dashes, starting with a letter");
            }
        }

        return names ?? [];
    }

    private void Add(string field, string message) => problems.Add(new RuleSetProblem(field, message));

    private static bool IsIdentifier(string name) => char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,59}$")]
    private static partial Regex IdentifierPattern();
}
