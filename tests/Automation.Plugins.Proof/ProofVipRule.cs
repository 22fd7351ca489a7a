using Automation.Plugins.Sdk;
using NRules.Fluent.Dsl;

namespace Automation.Plugins.Proof;

/// <summary>The Proof plugin's one C# rule: customers who spent 100 or more are VIPs.</summary>
[Name("proof-vip"), Description("Customers who spent 100 or more are VIPs")]
public sealed class ProofVipRule : Rule
{
    public override void Define()
    {
        RuleCustomer customer = null!;
        When().Match(() => customer, c => c.Feature("Monetary") >= 100);
        Then().Do(ctx => customer.Set("tier", "vip"));
    }
}
