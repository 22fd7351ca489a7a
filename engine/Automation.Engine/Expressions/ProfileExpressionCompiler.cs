using System.Collections.Concurrent;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using Automation.Engine.Profiles;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Automation.Engine.Expressions;

/// <summary>
/// Compiles a marketer's expression ("Features.PricingViews7d >= 2 && Scores.ChurnRisk > 0.5") once,
/// with RulesEngine's parser (System.Linq.Dynamic.Core), checks it against the sandbox, and caches the delegate.
/// </summary>
public sealed class ProfileExpressionCompiler
{
    private static readonly ParameterExpression FeaturesParameter = Expression.Parameter(typeof(CustomerFeatures), "Features");
    private static readonly ParameterExpression ScoresParameter = Expression.Parameter(typeof(CustomerScores), "Scores");
    private readonly RuleExpressionParser parser = new(new ReSettings { CustomTypes = [typeof(ExpressionHelpers)] });
    private readonly ConcurrentDictionary<string, ProfileExpression> cache = new(StringComparer.Ordinal);

    public const int MaxLength = 2000;

    /// <summary>Compiles, or lists every problem found.</summary>
    public bool TryCompile(string? text, out ProfileExpression? compiled, out IReadOnlyList<ExpressionProblem> problems)
    {
        compiled = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems = [new ExpressionProblem("the expression is empty", 0)];
            return false;
        }

        if (cache.TryGetValue(text, out compiled))
        {
            problems = [];
            return true;
        }

        if (text.Length > MaxLength)
        {
            problems = [new ExpressionProblem($"the expression is longer than {MaxLength} characters", MaxLength)];
            return false;
        }

        Expression body;
        try
        {
            body = parser.Parse(text, [FeaturesParameter, ScoresParameter], typeof(bool));
        }
        catch (ParseException ex)
        {
            problems = [new ExpressionProblem(ex.Message, ex.Position)];
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            problems = [new ExpressionProblem(ex.Message, null)];
            return false;
        }

        var sandbox = new ExpressionSandbox();
        sandbox.Visit(body);
        if (sandbox.Problems.Count > 0)
        {
            problems = sandbox.Problems.Distinct().Select(p => new ExpressionProblem(p, null)).ToList();
            return false;
        }

        var lambda = Expression.Lambda<Func<CustomerFeatures, CustomerScores, bool>>(body, FeaturesParameter, ScoresParameter);
        compiled = new ProfileExpression(text, lambda.Compile(), sandbox.Members.ToList());
        cache.TryAdd(text, compiled);
        problems = [];
        return true;
    }

    public ProfileExpression Compile(string text) =>
        TryCompile(text, out var compiled, out var problems)
            ? compiled!
            : throw new InvalidOperationException($"expression '{text}' is invalid: {string.Join("; ", problems.Select(p => p.Message))}");

    /// <summary>The members an expression may use, for the designer's completions.</summary>
    public static IEnumerable<string> KnownMembers() =>
        typeof(CustomerFeatures).GetProperties().Select(p => "Features." + p.Name)
            .Concat(typeof(CustomerScores).GetProperties().Select(p => "Scores." + p.Name));
}
