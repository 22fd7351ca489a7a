using Automation.Engine.Profiles;
using Microsoft.ML;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A model trained here (boosted trees or the RFM logistic baseline), scoring one profile at a time. Its saved
/// pipeline ends with ML.NET's feature contribution step, so the reasons come from the model that produced the score;
/// the linear baseline is computed from its weights (<see cref="LinearModelScore"/>), the same figures without a
/// prediction engine.
/// </summary>
public sealed class FastTreeScoreModel : IScoreModel
{
    private readonly PredictionEngine<ModelInput, ModelOutput> engine;
    private readonly LinearModelScore? linear;
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
        linear = LinearModelScore.TryRead(transformer, ModelTrainer.ReasonCount) is { } read && read.Inputs == features.Count ? read : null;
        this.features = features;
        names = [.. features.Select(f => f.Name)];
    }

    public ScoreResult Score(CustomerFeatures features)
    {
        var vector = ModelFeatures.Vector(features, names);
        if (linear is not null)
        {
            var contributions = new float[vector.Length];
            var probability = linear.Score(vector, contributions);
            return new ScoreResult(Math.Round(probability, 4), Reasons(vector, contributions));
        }

        ModelOutput output;
        lock (gate)
        {
            // A prediction engine is not thread-safe; one event processor per engine process keeps this uncontended.
            output = engine.Predict(new ModelInput { Features = vector });
        }

        return new ScoreResult(Math.Round(output.Probability, 4), Reasons(vector, output.FeatureContributions));
    }

    /// <summary>The inputs that moved the score most, strongest first, in words.</summary>
    private List<Plugins.Sdk.ReasonCode> Reasons(float[] vector, float[] contributions) => contributions
        .Select((c, i) => (Contribution: c, Index: i))
        .Where(c => c.Contribution != 0)
        .OrderByDescending(c => Math.Abs(c.Contribution))
        .Take(ModelTrainer.ReasonCount)
        .Select(c => ReasonPhrases.For(names[c.Index], vector[c.Index], this.features[c.Index].Mean))
        .ToList();

    public void Dispose() => engine.Dispose();
}
