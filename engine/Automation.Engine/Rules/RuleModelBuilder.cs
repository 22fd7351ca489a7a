using System.Globalization;
using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Automation.Engine.Rules;

/// <summary>
/// Builds the NRules rule model of one checked rule. A rule without required facts matches a `Customer` pattern whose
/// condition is the marketer's sandboxed expression bound to that fact. A rule that requires derived facts matches the
/// first of them instead, with the condition read through the fact's customer: both are alpha conditions, so no join
/// compares one customer's facts with another's and a session can hold a whole batch of customers. Further required
/// facts and excluded ones (`not` groups) join on the customer. The action records the firing, its outcomes and the
/// facts it asserts.
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
        var required = new List<ParameterExpression>();
        ParameterExpression primary;
        Expression customer;
        if (requires.Count == 0)
        {
            var pattern = when.Pattern(typeof(CustomerFact), CustomerDeclaration);
            primary = pattern.Declaration.ToParameterExpression();
            customer = primary;
            if (condition is not null)
            {
                pattern.Condition(condition);
            }
        }
        else
        {
            var pattern = when.Pattern(typeof(DerivedFact), "Requires0");
            primary = pattern.Declaration.ToParameterExpression();
            customer = Expression.Property(primary, nameof(DerivedFact.Customer));
            pattern.Condition(Named(primary, requires[0]));
            if (condition is not null)
            {
                pattern.Condition(Expression.Lambda(new ParameterReplacer(condition.Parameters[0], customer).Visit(condition.Body), primary));
            }

            required.Add(primary);
        }

        for (var i = 1; i < requires.Count; i++)
        {
            var derived = when.Pattern(typeof(DerivedFact), "Requires" + i.ToString(CultureInfo.InvariantCulture));
            var fact = derived.Declaration.ToParameterExpression();
            derived.Condition(Named(fact, requires[i]));
            derived.Condition(SameCustomer(fact, primary, customer));
            required.Add(fact);
        }

        for (var i = 0; i < unless.Count; i++)
        {
            var derived = when.Not().Pattern(typeof(DerivedFact), "Unless" + i.ToString(CultureInfo.InvariantCulture));
            var fact = derived.Declaration.ToParameterExpression();
            derived.Condition(Named(fact, unless[i]));
            derived.Condition(SameCustomer(fact, primary, customer));
        }

        var context = Expression.Parameter(typeof(IContext), "context");
        var outputValue = output is null
            ? (Expression)Expression.Constant(null, typeof(object))
            : Expression.Convert(new ParameterReplacer(output.Parameters[0], customer).Visit(output.Body), typeof(object));
        var matched = required.Count == 0
            ? (Expression)Expression.Constant(Array.Empty<DerivedFact>())
            : Expression.NewArrayInit(typeof(DerivedFact), required);
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(FireMethod, context, customer, Expression.Constant(rule), outputValue, matched), [context, .. required.Count == 0 ? [primary] : required]));
        return builder.Build();
    }

    /// <summary>
    /// The action of every rule: records the firing with the derived facts it matched, then asserts its own, unless
    /// this customer reached the firing limit: a chain that asserts facts forever stops there and fails only its
    /// customer, not the others in the session.
    /// </summary>
    public static void Fire(IContext context, CustomerFact customer, CompiledRule rule, object? output, DerivedFact[] matched)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rule);
        var decision = customer.Decision;
        decision.Fired(rule, matched, output is null ? null : Convert.ToString(output, CultureInfo.InvariantCulture));
        if (decision.Firings >= CompiledRuleSet.FiringLimit)
        {
            decision.RanAway = true;
            return;
        }

        // Indexed, not foreach: enumerating the IReadOnlyList boxed an enumerator on every firing.
        var asserts = rule.Asserts;
        for (var i = 0; i < asserts.Count; i++)
        {
            context.Insert(new DerivedFact(customer, asserts[i], rule.Name));
        }
    }

    // fact => fact.Name == "name": an alpha condition, shared by every rule that names the same fact.
    private static LambdaExpression Named(ParameterExpression fact, string name) =>
        Expression.Lambda(Expression.Equal(Expression.Property(fact, nameof(DerivedFact.Name)), Expression.Constant(name)), fact);

    // (fact, primary) => fact.Customer == customer-of-primary: the join of a further fact with the rule's customer.
    private static LambdaExpression SameCustomer(ParameterExpression fact, ParameterExpression primary, Expression customer) =>
        Expression.Lambda(Expression.ReferenceEqual(Expression.Property(fact, nameof(DerivedFact.Customer)), customer), fact, primary);
}
