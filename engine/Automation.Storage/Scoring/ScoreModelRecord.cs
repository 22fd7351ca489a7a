namespace Automation.Storage.Scoring;

/// <summary>
/// One trained (or imported) model version for a score: the model itself, what it reads, how well it did on the
/// holdout, and the score distribution it produced there (the reference for drift).
/// </summary>
public sealed class ScoreModelRecord
{
    public Guid Id { get; set; }

    /// <summary>The score it fills: ChurnRisk or PurchasePropensity.</summary>
    public required string Score { get; set; }

    /// <summary>1, 2, … per score.</summary>
    public int Version { get; set; }

    /// <summary>"fasttree" (ML.NET, trained here) or "onnx" (brought by the user).</summary>
    public required string Kind { get; set; }

    /// <summary>Exactly one version per score is active: the one the engine scores with.</summary>
    public bool Active { get; set; }

    public DateTime CreatedAt { get; set; }

    public int HorizonDays { get; set; }

    /// <summary>The threshold precision and recall were reported at.</summary>
    public double Threshold { get; set; }

    /// <summary>Holdout metrics of the model and of the RFM-only baseline (JSON).</summary>
    public string MetricsJson { get; set; } = "{}";

    /// <summary>The features the model reads, in input order, with their training means (JSON).</summary>
    public string FeaturesJson { get; set; } = "[]";

    /// <summary>Score bucket edges and the share of holdout customers in each (JSON).</summary>
    public string DistributionJson { get; set; } = "{}";

    /// <summary>For ONNX models: input and output tensor names (JSON).</summary>
    public string? MappingJson { get; set; }

    public required byte[] Model { get; set; }
}
