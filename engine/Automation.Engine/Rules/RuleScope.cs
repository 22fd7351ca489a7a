using System.Linq.Expressions;

namespace Automation.Engine.Rules;

/// <summary>
/// The params a rule's expressions may name, each with its definition over Features and Scores; an expression is
/// parsed against the params and then has them replaced by their definitions, so what runs reads the profile alone.
/// </summary>
internal sealed class RuleScope
{
    private readonly Dictionary<ParameterExpression, Expression> definitions;

    private RuleScope(Dictionary<ParameterExpression, Expression> definitions) => this.definitions = definitions;

    public static RuleScope Empty { get; } = new([]);

    public IReadOnlyList<ParameterExpression> Parameters => [.. definitions.Keys];

    public RuleScope With(ParameterExpression parameter, Expression definition) =>
        new(new Dictionary<ParameterExpression, Expression>(definitions) { [parameter] = definition });

    public Expression Inline(Expression body) => definitions.Count == 0 ? body : new ParameterReplacer(definitions).Visit(body);
}
