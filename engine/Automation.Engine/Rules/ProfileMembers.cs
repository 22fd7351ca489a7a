using System.Linq.Expressions;
using System.Reflection;
using Automation.Engine.Expressions;

namespace Automation.Engine.Rules;

/// <summary>The profile members an expression reads ("Features.CartAdds30d"), in order, for a firing's explanation.</summary>
internal sealed class ProfileMembers : ExpressionVisitor
{
    private readonly List<(string Label, PropertyInfo Property, bool OfScores)> found = [];

    public static IReadOnlyList<(string Label, PropertyInfo Property, bool OfScores)> Of(Expression expression)
    {
        var visitor = new ProfileMembers();
        visitor.Visit(expression);
        return visitor.found;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Member is PropertyInfo property && node.Expression is ParameterExpression parameter
            && (parameter == ProfileExpressionCompiler.FeaturesParameter || parameter == ProfileExpressionCompiler.ScoresParameter))
        {
            var label = $"{parameter.Name}.{property.Name}";
            if (!found.Exists(f => f.Label == label))
            {
                found.Add((label, property, parameter == ProfileExpressionCompiler.ScoresParameter));
            }
        }

        return base.VisitMember(node);
    }
}
