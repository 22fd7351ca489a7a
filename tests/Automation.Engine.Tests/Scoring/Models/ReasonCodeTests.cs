using Automation.Engine.Profiles;
using Automation.Engine.Scoring.Models;

namespace Automation.Engine.Tests.Scoring.Models;

public sealed class ReasonCodeTests
{
    [Fact]
    public void Reasons_read_as_a_marketer_would_say_them()
    {
        Assert.Equal("no purchase for 64 days", ReasonPhrases.For(nameof(CustomerFeatures.DaysSinceLastPurchase), 64, 20).Text);
        Assert.Equal("never purchased", ReasonPhrases.For(nameof(CustomerFeatures.DaysSinceLastPurchase), FeatureCalculator.NeverBought, 20).Text);
        Assert.Equal("pricing views in 7 days up (5 vs 0.8 usual)", ReasonPhrases.For(nameof(CustomerFeatures.PricingViews7d), 5, 0.83).Text);
        Assert.Equal("email opens in 30 days down (0 vs 2.4 usual)", ReasonPhrases.For(nameof(CustomerFeatures.EmailOpens30d), 0, 2.4).Text);
        Assert.Equal("has abandoned cart: yes", ReasonPhrases.For(nameof(CustomerFeatures.HasAbandonedCart), 1, 0.1).Text);
    }

    [Fact]
    public async Task A_trained_churn_model_gives_a_warned_customer_a_high_score_with_the_warning_signs_as_its_top_reasons()
    {
        var trained = ModelTrainer.Train(await History.TrainingSetAsync(1500, planted: true));
        using var model = new FastTreeScoreModel(trained.Model, trained.Features);

        var warned = model.Score(Customer(supportTickets: 4, emailOpens: 0));
        var content = model.Score(Customer(supportTickets: 0, emailOpens: 4));

        Assert.True(warned.Value > 0.6 && content.Value < 0.5, $"warned {warned.Value}, content {content.Value}");
        Assert.True(warned.Reasons.Count is >= 1 and <= 3, string.Join("; ", warned.Reasons.Select(r => r.Text)));
        Assert.Contains(warned.Reasons, r => r.Text.StartsWith("support tickets in 30 days up (4 vs", StringComparison.Ordinal) || r.Text.StartsWith("email opens in 30 days down (0 vs", StringComparison.Ordinal));
        Assert.All(warned.Reasons, r => Assert.DoesNotContain("Features.", r.Text, StringComparison.Ordinal));
    }

    /// <summary>A customer like the generated ones: bought twice, last 64 days ago, a few page views.</summary>
    private static CustomerFeatures Customer(int supportTickets, int emailOpens) => new()
    {
        Purchases = 2,
        Monetary = 300,
        AverageOrderValue = 150,
        DaysSinceLastPurchase = 64,
        DaysInactive = 3,
        DaysSinceFirstSeen = 170,
        PageViews30d = 2,
        PageViews7d = 1,
        SupportTickets30d = supportTickets,
        EmailOpens30d = emailOpens,
        EmailOpens7d = emailOpens / 2,
        Sessions = 10 + supportTickets + emailOpens,
        TotalEvents = 12 + supportTickets + emailOpens,
    };
}
