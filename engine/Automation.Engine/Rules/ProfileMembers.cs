using System.Globalization;
using System.Linq.Expressions;
using Automation.Engine.Expressions;

namespace Automation.Engine.Rules;

/// <summary>
/// What an expression reads, in order, for a firing's explanation: profile members ("Features.CartAdds30d") and the
/// session facts it asks about ("Segments.DaysIn(\"at-risk\")", "Recent.OpenApprovals"), each with a reader that
/// takes the value from a customer fact.
/// </summary>
internal sealed class ProfileMembers : ExpressionVisitor
{
    private static readonly ParameterExpression Customer = Expression.Parameter(typeof(CustomerFact), "customer");

    private static readonly Dictionary<ParameterExpression, string> Owners = new()
    {
        [ProfileExpressionCompiler.FeaturesParameter] = nameof(CustomerFact.Features),
        [ProfileExpressionCompiler.ScoresParameter] = nameof(CustomerFact.Scores),
        [RuleFacts.SegmentsParameter] = nameof(CustomerFact.Segments),
        [RuleFacts.TriggerParameter] = nameof(CustomerFact.Trigger),
        [RuleFacts.RecentParameter] = nameof(CustomerFact.Recent),
        [RuleFacts.TagsParameter] = nameof(CustomerFact.Tags),
    };

    private readonly List<(string Label, Func<CustomerFact, object?> Read)> found = [];

    public static IReadOnlyList<(string Label, Func<CustomerFact, object?> Read)> Of(Expression expression)
    {
        var visitor = new ProfileMembers();
        visitor.Visit(expression);
        return visitor.found;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is ParameterExpression parameter && Owners.ContainsKey(parameter))
        {
            Add($"{parameter.Name}.{node.Member.Name}", node);
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        // Segments.Has("vip"), Recent.Actions("email.send", 7): read again with the same constant arguments.
        if (node.Object is ParameterExpression parameter && Owners.ContainsKey(parameter) && node.Arguments.All(a => a is ConstantExpression))
        {
            var arguments = string.Join(", ", node.Arguments.Select(a => a is ConstantExpression { Value: string text } ? $"\"{text}\"" : Convert.ToString(((ConstantExpression)a).Value, CultureInfo.InvariantCulture)));
            Add($"{parameter.Name}.{node.Method.Name}({arguments})", node);
        }

        return base.VisitMethodCall(node);
    }

    private void Add(string label, Expression read)
    {
        if (found.Exists(f => f.Label == label))
        {
            return;
        }

        var overCustomer = new ParameterReplacer(Owners.ToDictionary(o => o.Key, o => (Expression)Expression.Property(Customer, o.Value))).Visit(read);
        var reader = Expression.Lambda<Func<CustomerFact, object?>>(Expression.Convert(overCustomer, typeof(object)), Customer).Compile();
        found.Add((label, reader));
    }
}
