using System.Globalization;
using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Automation.Engine.Rules;

/// <summary>
/// Builds the NRules rule model of one checked rule. A rule without required facts matches `Customer` facts whose
/// condition is the marketer's sandboxed expression bound to that fact. A rule that requires derived facts matches the
/// first of them instead, with the condition read through the fact's customer: both are alpha conditions, so no join
/// compares one customer's facts with another's and a session can hold a whole batch of customers.
/// A rule with at most one required fact and no excluded one collects its matches: one activation per session
/// fires for every customer (or fact) that matches, and again for those that match after it fired (a fact asserted
/// later), instead of one activation and firing per customer: NRules' own work per activation was most of a
/// decision's cost. Each customer still sees its rules fire in priority order, as the agenda orders the collecting
/// activations the same way. Further required facts and excluded ones (`not` groups) join on the customer, one
/// activation per match. A session of one customer gains nothing from collecting and pays for every rule's collection
/// when it starts (a fifth of the rate), so a rule set keeps a second network for it, without collections. The action
/// records the firing, its outcomes and the facts it asserts.
/// </summary>
internal static class RuleModelBuilder
{
    public const string CustomerDeclaration = "Customer";
    private const string MatchesDeclaration = "Matches";
    private static readonly System.Reflection.MethodInfo FireMethod = typeof(RuleModelBuilder).GetMethod(nameof(Fire))!;
    private static readonly System.Reflection.MethodInfo FireCustomersMethod = typeof(RuleModelBuilder).GetMethod(nameof(FireCustomers))!;
    private static readonly System.Reflection.MethodInfo FireDerivedMethod = typeof(RuleModelBuilder).GetMethod(nameof(FireDerived))!;

    /// <param name="collect">Collect the matches where the rule allows it: for sessions of many customers.</param>
    public static IRuleDefinition Build(CompiledRule rule, LambdaExpression? condition, LambdaExpression? output, IReadOnlyList<string> requires, IReadOnlyList<string> unless, bool collect) =>
        collect && requires.Count <= 1 && unless.Count == 0
            ? BuildCollecting(rule, condition, output, requires)
            : BuildJoined(rule, condition, output, requires, unless);

    private static IRuleDefinition BuildCollecting(CompiledRule rule, LambdaExpression? condition, LambdaExpression? output, IReadOnlyList<string> requires)
    {
        var builder = new RuleBuilder();
        builder.Name(rule.Name);
        builder.Priority(rule.Priority);
        var derived = requires.Count == 1;
        var element = derived ? typeof(DerivedFact) : typeof(CustomerFact);
        var collection = typeof(RuleMatches<>).MakeGenericType(element);
        var matches = builder.LeftHandSide().Pattern(collection, MatchesDeclaration);
        var aggregate = matches.Aggregate();
        aggregate.Aggregator(RuleMatchesAggregatorFactory<CustomerFact>.Name, [], typeof(RuleMatchesAggregatorFactory<>).MakeGenericType(element));
        var source = aggregate.Pattern(element, derived ? "Requires0" : CustomerDeclaration);
        var fact = source.Declaration.ToParameterExpression();
        var customer = derived ? (Expression)Expression.Property(fact, nameof(DerivedFact.Customer)) : fact;
        if (derived)
        {
            source.Condition(Named(fact, requires[0]));
        }

        if (condition is not null)
        {
            source.Condition(Expression.Lambda(new ParameterReplacer(condition.Parameters[0], customer).Visit(condition.Body), fact));
        }

        // The matches are there (none yet) from the session's start; the rule is active once something matches.
        var all = matches.Declaration.ToParameterExpression();
        matches.Condition(Expression.Lambda(Expression.GreaterThan(Expression.Property(all, nameof(RuleMatches<CustomerFact>.Count)), Expression.Constant(0)), all));

        var context = Expression.Parameter(typeof(IContext), "context");
        var outputOf = output is null
            ? (Expression)Expression.Constant(null, typeof(Func<CustomerFact, object?>))
            : Expression.Lambda<Func<CustomerFact, object?>>(Expression.Convert(output.Body, typeof(object)), output.Parameters[0]);
        var fire = derived ? FireDerivedMethod : FireCustomersMethod;
        builder.RightHandSide().Action(Expression.Lambda(
            Expression.Call(fire, context, all, Expression.Constant(rule), outputOf), context, all));
        return builder.Build();
    }

    private static IRuleDefinition BuildJoined(CompiledRule rule, LambdaExpression? condition, LambdaExpression? output, IReadOnlyList<string> requires, IReadOnlyList<string> unless)
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

    /// <summary>The action of a collecting rule over customers: fires for each customer matched since it last fired.</summary>
    public static void FireCustomers(IContext context, RuleMatches<CustomerFact> matches, CompiledRule rule, Func<CustomerFact, object?>? output) =>
        FireNewMatches(context, matches, rule, output, static customer => (customer, []));

    /// <summary>The action of a collecting rule over a derived fact: fires for each such fact matched since it last fired.</summary>
    public static void FireDerived(IContext context, RuleMatches<DerivedFact> matches, CompiledRule rule, Func<CustomerFact, object?>? output) =>
        FireNewMatches(context, matches, rule, output, static fact => (fact.Customer, [fact]));

    private static void FireNewMatches<T>(IContext context, RuleMatches<T> matches, CompiledRule rule, Func<CustomerFact, object?>? output, Func<T, (CustomerFact Customer, DerivedFact[] Matched)> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(rule);
        var from = matches.FiredFor(rule.Index);
        var asserted = Asserting(rule, matches.Count - from);
        for (var i = from; i < matches.Count; i++)
        {
            var (customer, matched) = read(matches[i]);
            Record(customer, rule, output?.Invoke(customer), matched, ref asserted);
        }

        // Before inserting: what the asserted facts make match (this rule's own, in a chain) is for the next firing.
        matches.SetFired(rule.Index, matches.Count);
        if (asserted is { Count: > 0 })
        {
            context.InsertAll(asserted);
        }
    }

    // Sized for every match to assert (most assert nothing, and get no list): one firing asserts for a whole batch.
    private static List<DerivedFact>? Asserting(CompiledRule rule, int matches) =>
        rule.Asserts.Count == 0 ? null : new List<DerivedFact>(matches * rule.Asserts.Count);

    /// <summary>The action of a joined rule: one match, one customer.</summary>
    public static void Fire(IContext context, CustomerFact customer, CompiledRule rule, object? output, DerivedFact[] matched)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(rule);
        List<DerivedFact>? asserted = null;
        Record(customer, rule, output, matched, ref asserted);
        if (asserted is { Count: > 0 })
        {
            context.InsertAll(asserted);
        }
    }

    /// <summary>
    /// Records a firing with the derived facts it matched, then the facts it asserts (inserted together by the caller),
    /// unless this customer reached the firing limit: a chain that asserts facts forever stops there and fails only its
    /// customer, not the others in the session.
    /// </summary>
    private static void Record(CustomerFact customer, CompiledRule rule, object? output, DerivedFact[] matched, ref List<DerivedFact>? asserted)
    {
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
            (asserted ??= []).Add(new DerivedFact(customer, asserts[i], rule.Name));
        }
    }

    // fact => fact.Name == "name": an alpha condition, shared by every rule that names the same fact.
    private static LambdaExpression Named(ParameterExpression fact, string name) =>
        Expression.Lambda(Expression.Equal(Expression.Property(fact, nameof(DerivedFact.Name)), Expression.Constant(name)), fact);

    // (fact, primary) => fact.Customer == customer-of-primary: the join of a further fact with the rule's customer.
    private static LambdaExpression SameCustomer(ParameterExpression fact, ParameterExpression primary, Expression customer) =>
        Expression.Lambda(Expression.ReferenceEqual(Expression.Property(fact, nameof(DerivedFact.Customer)), customer), fact, primary);
}
