using Automation.Engine.Scoring.Models;

namespace Automation.Engine.Tests.Scoring.Models;

public sealed class DriftTests
{
    private static readonly double[] Training = [.. Enumerable.Range(0, 1000).Select(i => i / 1000.0)];

    [Fact]
    public void Scores_spread_like_the_training_scores_have_a_stability_index_near_zero()
    {
        var reference = ScoreDistribution.From(Training);

        Assert.InRange(reference.Psi([.. Enumerable.Range(0, 500).Select(i => (i + 0.5) / 500.0)]), 0, 0.02);
    }

    [Fact]
    public void Scores_that_moved_up_have_a_stability_index_above_the_warning_level()
    {
        var reference = ScoreDistribution.From(Training);

        var shifted = reference.Psi([.. Training.Select(s => Math.Min(1, s + 0.3))]);
        Assert.True(shifted > 0.2, $"PSI {shifted}");
    }
}
