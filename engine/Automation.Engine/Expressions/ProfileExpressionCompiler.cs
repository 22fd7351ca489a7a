using System.Collections.Concurrent;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Dynamic.Core.Parser;
using System.Linq.Expressions;
using Automation.Engine.Profiles;

namespace Automation.Engine.Expressions;

/// <summary>
/// Compiles a marketer's expression ("Features.PricingViews7d >= 2 && Scores.ChurnRisk > 0.5") once,
/// with System.Linq.Dynamic.Core's parser, checks it against the sandbox, and caches the delegate. Rule sets use the
/// same parser and sandbox, and hand the checked LINQ expression to NRules.
/// </summary>
public sealed class ProfileExpressionCompiler
{
    internal static readonly ParameterExpression FeaturesParameter = Expression.Parameter(typeof(CustomerFeatures), "Features");
    internal static readonly ParameterExpression ScoresParameter = Expression.Parameter(typeof(CustomerScores), "Scores");
    internal static readonly ParameterExpression EventParameter = Expression.Parameter(typeof(TriggerEvent), "Event");
    internal static readonly ParameterExpression VariablesParameter = Expression.Parameter(typeof(WorkflowVariables), "Variables");
    private static readonly ParsingConfig Parsing = NewParsingConfig();
    private readonly ConcurrentDictionary<string, ProfileExpression> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EventFilter> eventFilters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, bool), StepExpression> stepExpressions = new();

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

        if (!TryParse(text, [], typeof(bool), out var body, out var members, out problems))
        {
            return false;
        }

        var lambda = Expression.Lambda<Func<CustomerFeatures, CustomerScores, bool>>(body, FeaturesParameter, ScoresParameter);
        compiled = new ProfileExpression(text, lambda.Compile(), members);
        cache.TryAdd(text, compiled);
        problems = [];
        return true;
    }

    /// <summary>Compiles an event trigger's filter: the same language and sandbox, with the arriving event as `Event`.</summary>
    public bool TryCompileEventFilter(string? text, out EventFilter? compiled, out IReadOnlyList<ExpressionProblem> problems)
    {
        compiled = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems = [new ExpressionProblem("the expression is empty", 0)];
            return false;
        }

        if (eventFilters.TryGetValue(text, out compiled))
        {
            problems = [];
            return true;
        }

        if (text.Length > MaxLength)
        {
            problems = [new ExpressionProblem($"the expression is longer than {MaxLength} characters", MaxLength)];
            return false;
        }

        if (!TryParse(text, [EventParameter], typeof(bool), out var body, out _, out problems))
        {
            return false;
        }

        var lambda = Expression.Lambda<Func<CustomerFeatures, CustomerScores, TriggerEvent, bool>>(body, FeaturesParameter, ScoresParameter, EventParameter);
        compiled = eventFilters.GetOrAdd(text, new EventFilter(text, lambda.Compile()));
        return true;
    }

    /// <summary>
    /// Compiles a workflow step's expression (a condition, a switch case, a variable's new value): the same language and
    /// sandbox, with the instance's variables as `Variables` (`Variables.Number("visits") > 2`). A condition must be
    /// true or false; a value may be a number, text or flag.
    /// </summary>
    public bool TryCompileStep(string? text, bool condition, out StepExpression? compiled, out IReadOnlyList<ExpressionProblem> problems)
    {
        compiled = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems = [new ExpressionProblem("the expression is empty", 0)];
            return false;
        }

        if (stepExpressions.TryGetValue((text, condition), out compiled))
        {
            problems = [];
            return true;
        }

        if (text.Length > MaxLength)
        {
            problems = [new ExpressionProblem($"the expression is longer than {MaxLength} characters", MaxLength)];
            return false;
        }

        if (!TryParse(text, [VariablesParameter], condition ? typeof(bool) : null, out var body, out _, out problems))
        {
            return false;
        }

        var lambda = Expression.Lambda<Func<CustomerFeatures, CustomerScores, WorkflowVariables, object?>>(
            Expression.Convert(body, typeof(object)), FeaturesParameter, ScoresParameter, VariablesParameter);
        compiled = stepExpressions.GetOrAdd((text, condition), new StepExpression(text, lambda.Compile()));
        return true;
    }

    /// <summary>Compiles a step's expression that was validated on save.</summary>
    public StepExpression CompileStep(string text, bool condition) =>
        TryCompileStep(text, condition, out var compiled, out var problems)
            ? compiled!
            : throw new InvalidOperationException($"expression '{text}' is invalid: {string.Join("; ", problems.Select(p => p.Message))}");

    /// <summary>
    /// Parses over Features, Scores and any further parameters (a rule set's params) and checks the sandbox;
    /// a null return type lets the expression decide (params may be numbers or strings).
    /// </summary>
    internal bool TryParse(string text, IReadOnlyList<ParameterExpression> extra, Type? returnType, out Expression body, out IReadOnlyList<string> members, out IReadOnlyList<ExpressionProblem> problems)
    {
        body = Expression.Empty();
        members = [];
        try
        {
            body = new ExpressionParser([FeaturesParameter, ScoresParameter, .. extra], text, [], Parsing).Parse(returnType);
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
        catch (IndexOutOfRangeException)
        {
            // System.Linq.Dynamic.Core 1.6 crashes on some np(...) forms instead of reporting them.
            problems = [new ExpressionProblem("the expression could not be parsed", null)];
            return false;
        }

        var sandbox = new ExpressionSandbox();
        sandbox.Visit(body);
        if (sandbox.Problems.Count > 0)
        {
            problems = sandbox.Problems.Distinct().Select(p => new ExpressionProblem(p, null)).ToList();
            return false;
        }

        members = sandbox.Members.ToList();
        problems = [];
        return true;
    }

    /// <summary>
    /// The parser settings the expressions were written against (those RulesEngine used): case-insensitive names,
    /// and the helpers and the trigger event as the only types beyond the built-in ones.
    /// </summary>
    private static ParsingConfig NewParsingConfig()
    {
        var config = new ParsingConfig { IsCaseSensitive = false };
        config.CustomTypeProvider = new DefaultDynamicLinqCustomTypeProvider(config, [typeof(ExpressionHelpers), typeof(TriggerEvent), typeof(WorkflowVariables), typeof(SegmentFacts), typeof(TriggerFact), typeof(RecentActivity), typeof(TagFacts)], true);
        return config;
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
