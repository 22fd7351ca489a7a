using System.Text.Json;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;
using Automation.Storage.Profiles;

namespace Automation.Engine.Scoring.Models;

/// <summary>The active models and watched thresholds for one processing batch.</summary>
public sealed class ScoringRound(IReadOnlyList<LoadedModel> models, IReadOnlyList<ScoreThreshold> thresholds)
{
    public bool IsEmpty => models.Count == 0;

    /// <summary>
    /// Scores the profile with every active model, keeps scores and reasons on it, and returns a crossing for every
    /// watched threshold the new score is on the other side of. A customer never scored counts as 0.
    /// </summary>
    public IReadOnlyList<ScoreThresholdCrossed> Apply(CustomerProfile profile, CustomerFeatures features, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (models.Count == 0)
        {
            return [];
        }

        var reasons = Reasons(profile.ScoreReasonsJson);
        var crossings = new List<ScoreThresholdCrossed>();
        foreach (var model in models)
        {
            var result = model.Model.Score(features);
            var before = Read(profile, model.Score);
            Write(profile, model.Score, result.Value);
            reasons[model.Score] = result.Reasons;
            foreach (var threshold in thresholds.Where(t => t.Score == model.Score))
            {
                var direction = before < threshold.Value && result.Value >= threshold.Value ? "up"
                    : before >= threshold.Value && result.Value < threshold.Value ? "down" : null;
                if (direction is not null)
                {
                    crossings.Add(new ScoreThresholdCrossed(profile.CustomerId, model.Score, threshold.Value, direction, result.Value, result.Reasons, nowUtc));
                }
            }
        }

        profile.ScoreReasonsJson = JsonSerializer.Serialize(reasons, MessageTypes.Json);
        return crossings;
    }

    /// <summary>Reason codes per score, as kept on the profile.</summary>
    public static Dictionary<string, IReadOnlyList<ReasonCode>> Reasons(string? json)
    {
        if (string.IsNullOrEmpty(json) || !json.StartsWith('{'))
        {
            return new(StringComparer.Ordinal);
        }

        return new(JsonSerializer.Deserialize<Dictionary<string, IReadOnlyList<ReasonCode>>>(json, MessageTypes.Json) ?? [], StringComparer.Ordinal);
    }

    private static double Read(CustomerProfile profile, string score) =>
        (score == ScoreTargets.ChurnRisk ? profile.ChurnRisk : profile.PurchasePropensity) ?? 0;

    private static void Write(CustomerProfile profile, string score, double value)
    {
        if (score == ScoreTargets.ChurnRisk)
        {
            profile.ChurnRisk = value;
        }
        else
        {
            profile.PurchasePropensity = value;
        }
    }
}
