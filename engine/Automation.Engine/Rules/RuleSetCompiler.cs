using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Automation.Engine.Expressions;
using NRules;

namespace Automation.Engine.Rules;

/// <summary>
/// Reads a rule set's JSON, checks every rule, param and output expression against the same sandbox as segment
/// expressions, and compiles the NRules session factory that runs it: each top-level rule becomes an NRules rule
/// whose condition is the sandboxed LINQ expression bound to the `Customer` fact. No C# text is ever compiled.
/// </summary>
public sealed class RuleSetCompiler(ProfileExpressionCompiler expressions)
{
    public const string NoRulePort = "none";

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

        var checker = new RuleSetChecker(expressions);
        var rules = checker.Check(document);
        if (checker.Problems.Count > 0)
        {
            problems = checker.Problems;
            return false;
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var one = Factory(rules, collect: false);
        var many = Factory(rules, collect: true);
        compiled = new CompiledRuleSet(key, [.. rules.Select(r => r.Rule.Name), NoRulePort], [.. rules.Select(r => r.Rule)], one, stopwatch.Elapsed, many)
        {
            Decides = document.Decides is { Trigger: { } trigger } binding ? (trigger, (binding.Segment ?? binding.Score ?? binding.Event)!) : null,
        };
        problems = [];
        return true;
    }

    private static ISessionFactory Factory(IReadOnlyList<CheckedRule> rules, bool collect) =>
        new RuleCompiler { ExpressionCompiler = new FastExpressions() }.Compile(rules.Where(r => r.Enabled).Select(r => RuleModelBuilder.Build(
            r.Rule, OverCustomer(r.Condition), r.Output is null ? null : OverCustomer(r.Output), r.Requires, r.Unless, collect)));

    /// <summary>(Features, Scores) => body becomes Customer => body over Customer.Features and Customer.Scores.</summary>
    private static LambdaExpression? OverCustomer(Expression? body)
    {
        if (body is null)
        {
            return null;
        }

        var customer = Expression.Parameter(typeof(CustomerFact), RuleModelBuilder.CustomerDeclaration);
        var replaced = new ParameterReplacer(new Dictionary<ParameterExpression, Expression>
        {
            [ProfileExpressionCompiler.FeaturesParameter] = Expression.Property(customer, nameof(CustomerFact.Features)),
            [ProfileExpressionCompiler.ScoresParameter] = Expression.Property(customer, nameof(CustomerFact.Scores)),
            [RuleFacts.SegmentsParameter] = Expression.Property(customer, nameof(CustomerFact.Segments)),
            [RuleFacts.TriggerParameter] = Expression.Property(customer, nameof(CustomerFact.Trigger)),
            [RuleFacts.RecentParameter] = Expression.Property(customer, nameof(CustomerFact.Recent)),
            [RuleFacts.TagsParameter] = Expression.Property(customer, nameof(CustomerFact.Tags)),
        }).Visit(body);
        return Expression.Lambda(replaced, customer);
    }

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "rules" : path.TrimStart('$', '.');
}
