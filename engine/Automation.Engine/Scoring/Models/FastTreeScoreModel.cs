using Automation.Engine.Profiles;
using Microsoft.ML;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A FastTree model trained here, scoring one profile at a time. Its saved pipeline ends with ML.NET's feature
/// contribution step, so the reasons come from the trees that produced the score.
/// </summary>
public sealed class FastTreeScoreModel : IScoreModel
{
    private readonly PredictionEngine<ModelInput, ModelOutput> engine;
    private readonly IReadOnlyList<FeatureStatistic> features;
    private readonly string[] names;
    private readonly Lock gate = new();

    public FastTreeScoreModel(byte[] model, IReadOnlyList<FeatureStatistic> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var ml = new MLContext();
        using var stream = new MemoryStream(model);
        var transformer = ml.Model.Load(stream, out _);
        engine = ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, inputSchemaDefinition: ModelInput.Schema(features.Count));
        this.features = features;
        names = [.. features.Select(f => f.Name)];
    }

    public ScoreResult Score(CustomerFeatures features)
    {
        var vector = ModelFeatures.Vector(features, names);
        ModelOutput output;
        lock (gate)
        {
            // A prediction engine is not thread-safe; one event processor per engine process keeps this uncontended.
            output = engine.Predict(new ModelInput { Features = vector });
        }

        var reasons = output.FeatureContributions
            .Select((c, i) => (Contribution: c, Index: i))
            .Where(c => c.Contribution != 0)
            .OrderByDescending(c => Math.Abs(c.Contribution))
            .Take(ModelTrainer.ReasonCount)
            .Select(c => ReasonPhrases.For(names[c.Index], vector[c.Index], this.features[c.Index].Mean))
            .ToList();
        return new ScoreResult(Math.Round(output.Probability, 4), reasons);
    }

    public void Dispose() => engine.Dispose();
}
