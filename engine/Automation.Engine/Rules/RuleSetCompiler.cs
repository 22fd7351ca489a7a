using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Automation.Engine.Expressions;
using RulesEngine.Models;

namespace Automation.Engine.Rules;

/// <summary>
/// Reads a rule set's JSON, checks every rule, param and output expression against the same sandbox as segment
/// expressions (parsed with the same settings RulesEngine will use), and builds the RulesEngine that runs it.
/// </summary>
public sealed class RuleSetCompiler(ProfileExpressionCompiler expressions)
{
    public const string NoRulePort = "none";
    private const int MaxRules = 100;
    private const int MaxDepth = 5;
    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Compiles, or lists every problem at once with its field path.</summary>
    public bool TryCompile(string key, string? rulesJson, out CompiledRuleSet? compiled, out IReadOnlyList<RuleSetProblem> problems)
    {
        compiled = null;
        RuleSetDocument? document;
        try
        {
            document = string.IsNullOrWhiteSpace(rulesJson) ? null : JsonSerializer.Deserialize<RuleSetDocument>(rulesJson, Json);
        }
        catch (JsonException ex)
        {
            problems = [new RuleSetProblem(JsonField(ex.Path), $"not a rule set: {ex.Message}")];
            return false;
        }

        if (document is null)
        {
            problems = [new RuleSetProblem("rules", "a rule set needs rules")];
            return false;
        }

        var found = new List<RuleSetProblem>();
        var globals = CheckParams(document.GlobalParams, "globalParams", [], found);
        if (document.Rules.Count == 0)
        {
            found.Add(new RuleSetProblem("rules", "a rule set needs at least one rule"));
        }

        var count = 0;
        CheckRules(document.Rules, "rules", globals, 1, ref count, found);
        var names = document.Rules.Select(r => r.RuleName).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        foreach (var duplicate in names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            found.Add(new RuleSetProblem("rules", $"two rules are named '{duplicate.Key}'; each top-level rule names a port, so names must differ"));
        }

        if (names.Contains(NoRulePort, StringComparer.Ordinal))
        {
            found.Add(new RuleSetProblem("rules", $"'{NoRulePort}' is the port taken when no rule holds; name the rule otherwise"));
        }

        if (found.Count > 0)
        {
            problems = found;
            return false;
        }

        var workflow = new Workflow
        {
            WorkflowName = key,
            GlobalParams = document.GlobalParams.Select(ToScopedParam).ToList(),
            Rules = document.Rules.Select(ToRule).ToList(),
        };
        compiled = new CompiledRuleSet(key, workflow, [.. names!, NoRulePort]);
        problems = [];
        return true;
    }

    private void CheckRules(List<RuleDocument>? rules, string path, IReadOnlyList<ParameterExpression> scope, int depth, ref int count, List<RuleSetProblem> found)
    {
        if (rules is null)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            found.Add(new RuleSetProblem(path, $"rules nest deeper than {MaxDepth} levels"));
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"{path}[{i}]";
            if (++count > MaxRules)
            {
                found.Add(new RuleSetProblem(at, $"a rule set holds at most {MaxRules} rules"));
                return;
            }

            if (string.IsNullOrWhiteSpace(rule.RuleName))
            {
                found.Add(new RuleSetProblem($"{at}.ruleName", "every rule needs a name"));
            }

            var local = CheckParams(rule.LocalParams, $"{at}.localParams", scope, found);
            var inner = scope.Concat(local).ToList();
            var isGroup = rule.Rules is { Count: > 0 };
            if (isGroup)
            {
                if (!Operators.Contains(rule.Operator, StringComparer.Ordinal))
                {
                    found.Add(new RuleSetProblem($"{at}.operator", $"a rule with nested rules needs an operator: {string.Join(", ", Operators)}"));
                }

                if (!string.IsNullOrWhiteSpace(rule.Expression))
                {
                    found.Add(new RuleSetProblem($"{at}.expression", "a rule has either an expression or nested rules, not both"));
                }

                CheckRules(rule.Rules, $"{at}.rules", inner, depth + 1, ref count, found);
            }
            else if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                found.Add(new RuleSetProblem($"{at}.expression", "a rule needs an expression or nested rules"));
            }
            else
            {
                CheckExpression(rule.Expression, $"{at}.expression", inner, typeof(bool), found);
            }

            CheckOutput(rule.Actions?.OnSuccess, $"{at}.actions.onSuccess", inner, found);
            CheckOutput(rule.Actions?.OnFailure, $"{at}.actions.onFailure", inner, found);
        }
    }

    private List<ParameterExpression> CheckParams(List<ScopedParamDocument>? parameters, string path, IReadOnlyList<ParameterExpression> scope, List<RuleSetProblem> found)
    {
        var declared = new List<ParameterExpression>();
        for (var i = 0; i < (parameters?.Count ?? 0); i++)
        {
            var parameter = parameters![i];
            var at = $"{path}[{i}]";
            if (string.IsNullOrWhiteSpace(parameter.Name) || !IsIdentifier(parameter.Name) || parameter.Name is "Features" or "Scores")
            {
                found.Add(new RuleSetProblem($"{at}.name", "a param needs a name of letters, digits and underscores, other than Features and Scores"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(parameter.Expression))
            {
                found.Add(new RuleSetProblem($"{at}.expression", "a param needs an expression"));
                continue;
            }

            // Each param sees the ones declared before it, as RulesEngine evaluates them in order.
            var body = CheckExpression(parameter.Expression, $"{at}.expression", [.. scope, .. declared], null, found);
            if (body is not null)
            {
                declared.Add(Expression.Parameter(body.Type, parameter.Name));
            }
        }

        return declared;
    }

    private void CheckOutput(RuleOutputDocument? output, string path, IReadOnlyList<ParameterExpression> scope, List<RuleSetProblem> found)
    {
        if (output is null)
        {
            return;
        }

        if (!string.Equals(output.Name, RuleOutputDocument.OutputExpression, StringComparison.Ordinal))
        {
            found.Add(new RuleSetProblem($"{path}.name", $"only the {RuleOutputDocument.OutputExpression} action is allowed"));
            return;
        }

        var expression = output.Context?.FirstOrDefault(c => string.Equals(c.Key, "expression", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrWhiteSpace(expression) || output.Context!.Count != 1)
        {
            found.Add(new RuleSetProblem($"{path}.context", "an output needs exactly one entry, \"expression\""));
            return;
        }

        CheckExpression(expression, $"{path}.context.expression", scope, null, found);
    }

    private Expression? CheckExpression(string text, string path, IReadOnlyList<ParameterExpression> scope, Type? returnType, List<RuleSetProblem> found)
    {
        if (text.Length > ProfileExpressionCompiler.MaxLength)
        {
            found.Add(new RuleSetProblem(path, $"the expression is longer than {ProfileExpressionCompiler.MaxLength} characters"));
            return null;
        }

        if (expressions.TryParse(text, scope, returnType, out var body, out _, out var problems))
        {
            return body;
        }

        found.AddRange(problems.Select(p => new RuleSetProblem(path, p.Message, p.Position)));
        return null;
    }

    private static Rule ToRule(RuleDocument rule) => new()
    {
        RuleName = rule.RuleName,
        Expression = rule.Rules is { Count: > 0 } ? null : rule.Expression,
        Operator = rule.Rules is { Count: > 0 } ? rule.Operator : null,
        Rules = rule.Rules is { Count: > 0 } ? rule.Rules.Select(ToRule).ToList() : null,
        LocalParams = rule.LocalParams?.Select(ToScopedParam).ToList(),
        SuccessEvent = rule.SuccessEvent,
        ErrorMessage = rule.ErrorMessage,
        Enabled = rule.Enabled,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Actions = rule.Actions is null ? null : new RuleActions { OnSuccess = ToAction(rule.Actions.OnSuccess), OnFailure = ToAction(rule.Actions.OnFailure) },
    };

    private static ActionInfo? ToAction(RuleOutputDocument? output) => output is null ? null : new ActionInfo
    {
        Name = RuleOutputDocument.OutputExpression,
        Context = new Dictionary<string, object> { ["Expression"] = output.Context!.Values.First() },
    };

    private static ScopedParam ToScopedParam(ScopedParamDocument p) => new() { Name = p.Name, Expression = p.Expression };

    private static bool IsIdentifier(string name) => char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "rules" : path.TrimStart('$', '.');

}
