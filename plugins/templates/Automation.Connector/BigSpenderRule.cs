using Automation.Plugins.Sdk;
using NRules.Fluent.Dsl;

namespace Acme.Connector;

/// <summary>
/// A rule in C#: it matches the customer it decides for (features and scores by name), and its action writes the
/// outcome. The port a ruleSet activity leaves by is the name of the highest-priority rule that fired.
/// </summary>
[Name("big-spender"), Description("Customers who spent 1,000 or more get the VIP offer"), Priority(10)]
public sealed class BigSpenderRule : Rule
{
    public override void Define()
    {
        RuleCustomer customer = null!;
        When().Match(() => customer, c => c.Feature("Monetary") >= 1000);
        Then().Do(ctx => customer.Set("offer", "vip"));
    }
}
