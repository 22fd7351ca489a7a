using System.Globalization;
using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Automation.Engine.Rules;

/// <summary>
/// Builds the NRules rule model of one checked rule: a `Customer` pattern whose condition is the marketer's sandboxed
/// expression bound to that fact, a pattern per required derived fact, a `not` group per excluded one, and the action
/// that records the firing, its outcomes and the facts it asserts.
/// </summary>
internal static class RuleModelBuilder
{
    public const string CustomerDeclaration = "Customer";
    private static readonly System.Reflection.MethodInfo FireMethod = typeof(RuleModelBuilder).GetMethod(nameof(Fire))!;

    public static IRuleDefinition Build(CompiledRule rule, LambdaExpression? condition, LambdaExpression? output, IReadOnlyList<string> requires, IReadOnlyList<string> unless)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Priority(rule.Priority);
        var when = builder.LeftHandSide();
        var customer = when.Pattern(typeof(CustomerFact), CustomerDeclaration);
        if (condition is not null)
        {
            customer.Condition(condition);
        }

        var customerParameter = customer.Declaration.ToParameterExpression();
        for (var i = 0; i < requires.Count; i++)
        {
            var derived = when.Pattern(typeof(DerivedFact), "Requires" + i.ToString(CultureInfo.InvariantCulture));
            derived.Condition(DerivedFactNamed(derived.Declaration.ToParameterExpression(), customerParameter, requires[i]));
        }

        for (var i = 0; i < unless.Count; i++)
        {
            var derived = when.Not().Pattern(typeof(DerivedFact), "Unless" + i.ToString(CultureInfo.InvariantCulture));
            derived.Condition(DerivedFactNamed(derived.Declaration.ToParameterExpression(), customerParameter, unless[i]));
        }

        var context = Expression.Parameter(typeof(IContext), "context");
        var outputValue = output is null
            ? (Expression)Expression.Constant(null, typeof(object))
            : Expression.Convert(new ParameterReplacer(output.Parameters[0], customerParameter).Visit(output.Body), typeof(object));
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(FireMethod, context, customerParameter, Expression.Constant(rule), outputValue), context, customerParameter));
        return builder.Build();
    }

    /// <summary>The action of every rule: records the firing with the derived facts it matched, then asserts its own.</summary>
    public static void Fire(IContext context, CustomerFact customer, CompiledRule rule, object? output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rule);
        var matched = context.Match.Facts.Select(f => f.Value).OfType<DerivedFact>().ToArray();
        customer.Decision.Fired(rule, matched, output is null ? null : Convert.ToString(output, CultureInfo.InvariantCulture));
        foreach (var name in rule.Asserts)
        {
            var derived = new DerivedFact(customer, name, rule.Name);
            customer.Decision.Asserted.Add(derived);
            context.Insert(derived);
        }
    }

    // (fact, Customer) => fact.Customer == Customer && fact.Name == "name"; the customer join lets one session hold many customers.
    private static LambdaExpression DerivedFactNamed(ParameterExpression fact, ParameterExpression customer, string name) =>
        Expression.Lambda(
            Expression.AndAlso(
                Expression.ReferenceEqual(Expression.Property(fact, nameof(DerivedFact.Customer)), customer),
                Expression.Equal(Expression.Property(fact, nameof(DerivedFact.Name)), Expression.Constant(name))),
            fact,
            customer);
}
