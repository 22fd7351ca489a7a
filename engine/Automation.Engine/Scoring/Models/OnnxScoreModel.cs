using Automation.Engine.Profiles;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Automation.Engine.Scoring.Models;

/// <summary>
/// A model the user brought as ONNX, run by ONNX Runtime. An ONNX graph cannot explain itself, so reasons are found
/// by occlusion: each input in turn is set to its usual value, and the ones whose change moves the score most are the reasons.
/// </summary>
public sealed class OnnxScoreModel : IScoreModel
{
    private readonly InferenceSession session;
    private readonly OnnxMapping mapping;
    private readonly IReadOnlyList<FeatureStatistic> features;
    private readonly bool batches;

    public OnnxScoreModel(byte[] model, OnnxMapping mapping, IReadOnlyList<FeatureStatistic> features)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        session = new InferenceSession(model);
        if (!session.InputMetadata.TryGetValue(mapping.Input, out var input))
        {
            session.Dispose();
            throw new ArgumentException($"the model has no input '{mapping.Input}'; it has {string.Join(", ", session.InputMetadata.Keys)}", nameof(mapping));
        }

        if (!session.OutputMetadata.ContainsKey(mapping.Output))
        {
            var outputs = string.Join(", ", session.OutputMetadata.Keys);
            session.Dispose();
            throw new ArgumentException($"the model has no output '{mapping.Output}'; it has {outputs}", nameof(mapping));
        }

        if (input.Dimensions.Length != 2 || (input.Dimensions[1] > 0 && input.Dimensions[1] != mapping.Features.Count))
        {
            session.Dispose();
            throw new ArgumentException($"input '{mapping.Input}' must be [batch, {mapping.Features.Count}] floats; it is [{string.Join(", ", input.Dimensions)}]", nameof(mapping));
        }

        batches = input.Dimensions[0] <= 0;
        this.mapping = mapping;
        this.features = features;
    }

    /// <summary>Probabilities for one or more rows of inputs.</summary>
    public float[] Run(float[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!batches)
        {
            return [.. rows.SelectMany(r => Run([r]).Take(1))];
        }

        var width = mapping.Features.Count;
        var tensor = new DenseTensor<float>(rows.SelectMany(r => r).ToArray(), [rows.Length, width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(mapping.Input, tensor)], [mapping.Output]);
        return [.. results[0].AsEnumerable<float>().Take(rows.Length)];
    }

    public ScoreResult Score(CustomerFeatures features)
    {
        var vector = ModelFeatures.Vector(features, mapping.Features);
        var rows = new float[vector.Length + 1][];
        rows[0] = vector;
        for (var i = 0; i < vector.Length; i++)
        {
            rows[i + 1] = (float[])vector.Clone();
            rows[i + 1][i] = (float)this.features[i].Mean;
        }

        var scores = Run(rows);
        var reasons = Enumerable.Range(0, vector.Length)
            .Select(i => (Effect: scores[0] - scores[i + 1], Index: i))
            .Where(e => Math.Abs(e.Effect) > 1e-6)
            .OrderByDescending(e => Math.Abs(e.Effect))
            .Take(ModelTrainer.ReasonCount)
            .Select(e => ReasonPhrases.For(mapping.Features[e.Index], vector[e.Index], this.features[e.Index].Mean))
            .ToList();
        return new ScoreResult(Math.Round(Math.Clamp(scores[0], 0, 1), 4), reasons);
    }

    public void Dispose() => session.Dispose();
}
