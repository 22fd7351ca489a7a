namespace Automation.Engine.Profiles;

/// <summary>Scores as expressions see them ("Scores.ChurnRisk >= 0.7").</summary>
public sealed class CustomerScores
{
    /// <summary>RFM recency score 1–5 (5 = most recent); 0 when the customer never bought.</summary>
    public int Recency { get; init; }

    public int Frequency { get; init; }

    public int Monetary { get; init; }

    /// <summary>Named RFM segment, e.g. "Champions"; empty when the customer never bought.</summary>
    public string RfmSegment { get; init; } = "";

    /// <summary>Probability of churn, 0..1; 0 until a model has scored the customer.</summary>
    public double ChurnRisk { get; init; }

    public double PurchasePropensity { get; init; }
}
