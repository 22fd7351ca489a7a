using Automation.Engine.Workflows.Activities;

namespace Automation.Engine.Tests.Workflows;

public sealed class SplitTests
{
    [Fact]
    public void A_customer_always_lands_in_the_same_bucket()
    {
        Assert.Equal(Split.Bucket("cust-1|winback|split"), Split.Bucket("cust-1|winback|split"));
    }

    [Fact]
    public void Ten_percent_holdout_holds_out_about_ten_percent_of_customers()
    {
        var heldOut = Enumerable.Range(0, 20_000).Count(i => Split.Bucket($"cust-{i}|winback|split") >= 90);

        Assert.InRange(heldOut / 20_000.0, 0.09, 0.11);
    }
}
