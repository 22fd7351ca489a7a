using System.Text.Json;
using Automation.Engine.Messaging;
using Automation.Engine.Scoring.Models;
using Automation.Host.Access;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

public static class ScoreModelsApi
{
    public static void MapScoreModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scores").RequireAuthorization().WithTags("Scores");
        group.MapGet("/models", ListAsync).WithSummary("Model versions per score: kind, active, holdout metrics against the RFM baseline, features, and the latest drift with its warning")
            .Produces<IReadOnlyList<ScoreModelView>>();
        group.MapPost("/models/train", TrainAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Train a FastTree model from stored history (time cut-off, later holdout) and make it active")
            .Produces<TrainedScoreModel>().ProducesValidationProblem();
        group.MapPost("/models/onnx", ImportOnnxAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Bring your own ONNX model (base64) with the profile features its input reads and its probability output")
            .Produces<ImportedScoreModel>().ProducesValidationProblem();
        group.MapPost("/models/{id:guid}/activate", ActivateAsync).RequireAuthorization(Policies.Administer).WithSummary("Score with this version from now on")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/drift", async (ScoreDriftMonitor monitor, CancellationToken ct) => TypedResults.Ok(await monitor.CheckAsync(ct)))
            .RequireAuthorization(Policies.Administer).WithSummary("Measure drift of every active model now (it also runs daily)");
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, Microsoft.Extensions.Options.IOptions<Engine.Configuration.AutomationOptions> options, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var models = await db.ScoreModels.AsNoTracking().OrderBy(m => m.Score).ThenByDescending(m => m.Version)
            .Select(m => new { m.Id, m.Score, m.Version, m.Kind, m.Active, m.CreatedAt, m.HorizonDays, m.Threshold, m.MetricsJson, m.FeaturesJson })
            .ToListAsync(ct);
        var drift = (await db.ScoreDrift.AsNoTracking().ToListAsync(ct)).GroupBy(d => d.ModelId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Day)!);
        var limit = options.Value.Scoring.DriftWarning;
        return TypedResults.Ok(models.Select(m => new ScoreModelView(
            m.Id,
            m.Score,
            m.Version,
            m.Kind,
            m.Active,
            m.CreatedAt,
            m.HorizonDays,
            m.Threshold,
            JsonSerializer.Deserialize<JsonElement>(m.MetricsJson),
            JsonSerializer.Deserialize<List<FeatureStatistic>>(m.FeaturesJson, MessageTypes.Json)?.Select(f => f.Name).ToList(),
            drift.TryGetValue(m.Id, out var d)
                ? new ScoreDriftView(d.Day, d.Psi, d.Customers, d.Psi > limit ? $"scores have drifted from the training distribution (PSI {d.Psi:0.###} > {limit}); consider retraining" : null)
                : null)).ToList());
    }

    private static async Task<IResult> TrainAsync(TrainRequest body, ModelTraining training, CancellationToken ct)
    {
        var score = ScoreTargets.Parse(body.Target);
        if (score is null)
        {
            return Problems.Validation("target", "use churn or purchase");
        }

        if (body.HorizonDays is not (>= 1 and <= 365))
        {
            return Problems.Validation("horizonDays", "give a horizon between 1 and 365 days");
        }

        try
        {
            var outcome = await training.RunAsync(score, body.HorizonDays.Value, body.Threshold ?? 0.5, body.Activate ?? true, ct);
            return TypedResults.Ok(new TrainedScoreModel(outcome.Saved.Id, outcome.Saved.Score, outcome.Saved.Version, outcome.Saved.Active, outcome.Trained.Metrics, outcome.Decision));
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Validation("history", ex.Message);
        }
    }

    private static async Task<IResult> ImportOnnxAsync(OnnxImportRequest body, ScoreModelStore store, ActiveScoreModels active, CancellationToken ct)
    {
        var score = ScoreTargets.Parse(body.Score);
        if (score is null)
        {
            return Problems.Validation("score", "use ChurnRisk or PurchasePropensity");
        }

        byte[] model;
        try
        {
            model = Convert.FromBase64String(body.Model ?? "");
        }
        catch (FormatException)
        {
            return Problems.Validation("model", "the ONNX file, base64-encoded");
        }

        if (model.Length == 0 || body.Mapping is null)
        {
            return Problems.Validation(model.Length == 0 ? "model" : "mapping", model.Length == 0 ? "the ONNX file, base64-encoded" : "declare input, output and features");
        }

        try
        {
            var saved = await store.ImportOnnxAsync(score, model, body.Mapping, body.Threshold ?? 0.5, body.Activate ?? true, ct);
            active.Invalidate();
            return TypedResults.Ok(new ImportedScoreModel(saved.Id, saved.Score, saved.Version, saved.Active));
        }
        catch (Exception ex) when (ex is ArgumentException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return Problems.Validation(ex is ArgumentException { ParamName: "mapping" } ? "mapping" : "model", ex.Message);
        }
    }

    private static async Task<IResult> ActivateAsync(Guid id, ScoreModelStore store, ActiveScoreModels active, CancellationToken ct)
    {
        if (!await store.ActivateAsync(id, ct))
        {
            return Problems.NotFound($"no model version {id}");
        }

        active.Invalidate();
        return TypedResults.NoContent();
    }
}

public sealed record TrainRequest(string? Target, int? HorizonDays, double? Threshold, bool? Activate);

public sealed record OnnxImportRequest(string? Score, string? Model, OnnxMapping? Mapping, double? Threshold, bool? Activate);
