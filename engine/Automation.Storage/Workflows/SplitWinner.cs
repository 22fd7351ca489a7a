namespace Automation.Storage.Workflows;

/// <summary>The variant an A/B test step chose as the winner against its workflow's goal; every later customer takes it.</summary>
public sealed class SplitWinner
{
    public required string WorkflowId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The winning variant's port.</summary>
    public required string Port { get; set; }

    /// <summary>The winner's probability of being the best variant when it was chosen (0–1).</summary>
    public double ProbabilityBest { get; set; }

    /// <summary>Why, in a sentence: each variant's customers and conversions.</summary>
    public string Summary { get; set; } = "";

    public DateTime DecidedAt { get; set; }
}
