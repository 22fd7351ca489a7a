using System.Linq.Expressions;

namespace Automation.Engine.Rules;

/// <summary>Replaces parameters in an expression: a rule set's params by their definitions, Features by Customer.Features.</summary>
internal sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
{
    public ParameterReplacer(ParameterExpression parameter, Expression replacement)
        : this(new Dictionary<ParameterExpression, Expression> { [parameter] = replacement })
    {
    }

    protected override Expression VisitParameter(ParameterExpression node) =>
        replacements.TryGetValue(node, out var replacement) ? replacement : node;
}
