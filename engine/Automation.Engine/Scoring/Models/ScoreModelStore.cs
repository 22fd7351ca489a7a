using System.Text.Json;
using Automation.Engine.Messaging;
using Automation.Engine.Profiles;
using Automation.Storage;
using Automation.Storage.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Scoring.Models;

/// <summary>Model versions in the database: saving a trained one, importing an ONNX one, choosing the active one, loading.</summary>
public sealed class ScoreModelStore(IDbContextFactory<AutomationDbContext> databases, FeatureCalculator calculator, TimeProvider clock)
{
    public const string FastTree = "fasttree";
    public const string Onnx = "onnx";

    public async Task<ScoreModelRecord> SaveAsync(TrainedModel trained, bool activate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var record = new ScoreModelRecord
        {
            Score = trained.Score,
            Kind = FastTree,
            HorizonDays = trained.HorizonDays,
            Threshold = trained.Metrics.Model.Threshold,
            MetricsJson = JsonSerializer.Serialize(trained.Metrics, MessageTypes.Json),
            FeaturesJson = JsonSerializer.Serialize(trained.Features, MessageTypes.Json),
            DistributionJson = JsonSerializer.Serialize(trained.Distribution, MessageTypes.Json),
            Model = trained.Model,
        };
        return await AddAsync(record, activate, cancellationToken);
    }

    /// <summary>
    /// Brings in an ONNX model. It is loaded once to check the mapping against its inputs and outputs; the usual value
    /// of each feature and the reference score distribution are taken from today's customers.
    /// </summary>
    public async Task<ScoreModelRecord> ImportOnnxAsync(string score, byte[] model, OnnxMapping mapping, double threshold, bool activate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        if (!ScoreTargets.All.Contains(score))
        {
            throw new ArgumentException($"choose one of {string.Join(", ", ScoreTargets.All)}", nameof(score));
        }

        var unknown = mapping.Features.Where(f => !ModelFeatures.Exists(f)).ToList();
        if (unknown.Count > 0 || mapping.Features.Count == 0)
        {
            throw new ArgumentException(unknown.Count > 0 ? $"unknown profile features: {string.Join(", ", unknown)}" : "declare the features the model reads", nameof(mapping));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var vectors = new List<float[]>();
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            await foreach (var p in db.Profiles.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                vectors.Add(ModelFeatures.Vector(calculator.Features(p, now), mapping.Features));
            }
        }

        var statistics = mapping.Features.Select((f, i) => new FeatureStatistic(f, vectors.Count == 0 ? 0 : Math.Round(vectors.Average(v => v[i]), 3))).ToList();
        double[] scores;
        using (var loaded = new OnnxScoreModel(model, mapping, statistics))
        {
            scores = [.. vectors.Chunk(512).SelectMany(loaded.Run).Select(s => (double)s)];
        }

        var record = new ScoreModelRecord
        {
            Score = score,
            Kind = Onnx,
            Threshold = threshold,
            FeaturesJson = JsonSerializer.Serialize(statistics, MessageTypes.Json),
            DistributionJson = JsonSerializer.Serialize(ScoreDistribution.From(scores), MessageTypes.Json),
            MappingJson = JsonSerializer.Serialize(mapping, MessageTypes.Json),
            Model = model,
        };
        return await AddAsync(record, activate, cancellationToken);
    }

    /// <summary>Makes this version the one its score is computed with; the others of that score stop being active.</summary>
    public async Task<bool> ActivateAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.ScoreModels.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (record is null)
        {
            return false;
        }

        await db.ScoreModels.Where(m => m.Score == record.Score && m.Id != id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Active, false), cancellationToken);
        record.Active = true;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static IScoreModel Load(ScoreModelRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var features = Features(record);
        return record.Kind == Onnx
            ? new OnnxScoreModel(record.Model, JsonSerializer.Deserialize<OnnxMapping>(record.MappingJson ?? "null", MessageTypes.Json) ?? throw new InvalidOperationException($"ONNX model {record.Id} has no mapping"), features)
            : new FastTreeScoreModel(record.Model, features);
    }

    public static IReadOnlyList<FeatureStatistic> Features(ScoreModelRecord record) =>
        JsonSerializer.Deserialize<List<FeatureStatistic>>(record?.FeaturesJson ?? "[]", MessageTypes.Json) ?? [];

    public static ScoreDistribution Distribution(ScoreModelRecord record) =>
        JsonSerializer.Deserialize<ScoreDistribution>(record?.DistributionJson ?? "null", MessageTypes.Json) ?? new ScoreDistribution([], [1]);

    private async Task<ScoreModelRecord> AddAsync(ScoreModelRecord record, bool activate, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        record.Id = Guid.NewGuid();
        record.CreatedAt = clock.GetUtcNow().UtcDateTime;
        record.Version = 1 + (await db.ScoreModels.Where(m => m.Score == record.Score).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0);
        if (activate)
        {
            await db.ScoreModels.Where(m => m.Score == record.Score).ExecuteUpdateAsync(u => u.SetProperty(m => m.Active, false), cancellationToken);
            record.Active = true;
        }

        db.ScoreModels.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }
}
