namespace Automation.Plugins.Sdk;

/// <summary>
/// The customer as a plugin's rules see them: the profile's features and scores by name (numbers; a yes/no feature is
/// 1 or 0), and the outcomes a rule's action writes. The port a ruleSet activity leaves by is the name of the
/// highest-priority rule that fired, as for every rule set; the engine records which rules fired and in what order.
/// </summary>
public sealed class RuleCustomer(string customerId, IReadOnlyDictionary<string, double> features, IReadOnlyDictionary<string, double> scores, string rfmSegment)
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly List<string> starts = [];

    public string CustomerId { get; } = customerId;

    /// <summary>"Monetary", "Purchases", "DaysInactive", "HasAbandonedCart" (1 or 0), …: the designer's feature catalog.</summary>
    public IReadOnlyDictionary<string, double> Features { get; } = features;

    /// <summary>"ChurnRisk", "PurchasePropensity", "Recency", "Frequency", "Monetary".</summary>
    public IReadOnlyDictionary<string, double> Scores { get; } = scores;

    public string RfmSegment { get; } = rfmSegment;

    /// <summary>Decision values set so far ("offer" = "10%"); a later firing overwrites an earlier one.</summary>
    public IReadOnlyDictionary<string, string> Values => values;

    /// <summary>Why the decision is suppressed (the first reason given), or null.</summary>
    public string? Suppression { get; private set; }

    /// <summary>In a decision rule set: the workflows to start, in the order the rules named them.</summary>
    public IReadOnlyList<string> Starts => starts;

    /// <summary>A feature's value, 0 when the profile has no such feature.</summary>
    public double Feature(string name) => Features.GetValueOrDefault(name);

    /// <summary>A score's value, 0 when there is no such score.</summary>
    public double Score(string name) => Scores.GetValueOrDefault(name);

    public void Set(string name, string value) => values[name] = value;

    public void Suppress(string reason) => Suppression ??= reason;

    public void Start(string workflowId)
    {
        if (!starts.Contains(workflowId))
        {
            starts.Add(workflowId);
        }
    }
}
