using System.Linq.Expressions;
using System.Reflection;
using Automation.Engine.Profiles;

namespace Automation.Engine.Expressions;

/// <summary>
/// Walks a parsed expression and refuses anything outside the allow-list: profile members, Math,
/// DateTime/TimeSpan, string comparisons. Expressions come from the web; they must not reach the machine.
/// </summary>
internal sealed class ExpressionSandbox : ExpressionVisitor
{
    private static readonly HashSet<Type> AllowedTypes =
    [
        typeof(CustomerFeatures), typeof(CustomerScores), typeof(Math), typeof(DateTime), typeof(TimeSpan),
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(float),
        typeof(short), typeof(byte), typeof(char), typeof(object), typeof(ExpressionHelpers), typeof(TriggerEvent), typeof(WorkflowVariables),
        typeof(SegmentFacts), typeof(TriggerFact), typeof(RecentActivity), typeof(TagFacts),
        typeof(bool?), typeof(int?), typeof(long?), typeof(double?), typeof(decimal?), typeof(DateTime?), typeof(TimeSpan?),
    ];

    private static readonly HashSet<string> AllowedStringMethods = new(StringComparer.Ordinal)
    {
        "Contains", "StartsWith", "EndsWith", "Equals", "Compare", "CompareTo", "ToLower", "ToUpper",
        "ToLowerInvariant", "ToUpperInvariant", "Trim", "IsNullOrEmpty", "IsNullOrWhiteSpace", "Concat", "get_Length",
    };

    private readonly List<string> problems = [];
    private readonly SortedSet<string> members = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Problems => problems;

    public IReadOnlyCollection<string> Members => members;

    protected override Expression VisitMember(MemberExpression node)
    {
        var owner = node.Member.DeclaringType;
        if (owner is null || !AllowedTypes.Contains(owner))
        {
            problems.Add($"'{node.Member.Name}' of {owner?.Name ?? "?"} is not allowed in an expression");
        }
        else if (node.Expression is ParameterExpression parameter)
        {
            members.Add($"{parameter.Name}.{node.Member.Name}");
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var owner = node.Method.DeclaringType;
        var allowed = owner == typeof(string)
            ? AllowedStringMethods.Contains(node.Method.Name)
            : owner is not null && AllowedTypes.Contains(owner) && owner != typeof(object) && !IsReflective(node.Method);
        if (!allowed)
        {
            problems.Add($"calling {owner?.FullName ?? "?"}.{node.Method.Name} is not allowed in an expression");
            return node;
        }

        return base.VisitMethodCall(node);
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Type != typeof(DateTime) && node.Type != typeof(TimeSpan))
        {
            problems.Add($"creating {node.Type.FullName} is not allowed in an expression");
            return node;
        }

        return base.VisitNew(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is Type or MemberInfo or Assembly or Delegate)
        {
            problems.Add($"a constant of type {node.Type.Name} is not allowed in an expression");
        }

        return base.VisitConstant(node);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        problems.Add("lambdas are not allowed in an expression");
        return node;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs
            && !AllowedTypes.Contains(node.Type) && !AllowedTypes.Contains(Nullable.GetUnderlyingType(node.Type) ?? node.Type))
        {
            problems.Add($"converting to {node.Type.FullName} is not allowed in an expression");
            return node;
        }

        return base.VisitUnary(node);
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        problems.Add("type tests are not allowed in an expression");
        return node;
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        problems.Add("arrays are not allowed in an expression");
        return node;
    }

    protected override Expression VisitInvocation(InvocationExpression node)
    {
        problems.Add("invoking delegates is not allowed in an expression");
        return node;
    }

    private static bool IsReflective(MethodInfo method) =>
        method.Name is "GetType" or "MemberwiseClone" or "Finalize" || method.ReturnType == typeof(Type);
}
