namespace Automation.Engine.Scoring.Models;

/// <summary>The scores a model can fill, and the words the CLI accepts for them ("churn", "purchase").</summary>
public static class ScoreTargets
{
    public const string ChurnRisk = "ChurnRisk";
    public const string PurchasePropensity = "PurchasePropensity";

    public static IReadOnlyList<string> All { get; } = [ChurnRisk, PurchasePropensity];

    /// <summary>"churn" or "ChurnRisk" → ChurnRisk; "purchase" or "PurchasePropensity" → PurchasePropensity; else null.</summary>
    public static string? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "churn" or "churnrisk" => ChurnRisk,
        "purchase" or "purchasepropensity" => PurchasePropensity,
        _ => null,
    };

    /// <summary>"churn risk", "purchase propensity".</summary>
    public static string Words(string score) => score == ChurnRisk ? "churn risk" : "purchase propensity";
}
