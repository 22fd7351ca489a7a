using System.Globalization;
using System.Text.Json;
using Automation.Engine.Configuration;
using Automation.Engine.Messaging;
using Automation.Engine.Scoring.Models;
using Automation.Host.Access;
using Automation.Host.Training;
using Automation.Storage;
using Automation.Storage.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Api;

public static class ScoreModelsApi
{
    public static void MapScoreModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scores").RequireAuthorization().WithTags("Scores");
        group.MapGet("/models", ListAsync).WithSummary("Model versions per score: kind, active, holdout metrics against the RFM baseline, features, and the latest drift with its warning")
            .Produces<IReadOnlyList<ScoreModelSummary>>();
        group.MapGet("/models/{id:guid}", DetailAsync).WithSummary("One version for the model page: metrics with ROC curve, calibration and deciles next to the baseline, score drift by day, and every input's drift (PSI) now")
            .Produces<ScoreModelDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/models/train", TrainAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Train the candidates on stored history (time cut-off, later holdout), activate the better one past the margin, and score every profile with it")
            .Produces<TrainingResult>().ProducesValidationProblem();
        group.MapPost("/models/training", StartTraining).RequireAuthorization(Policies.Administer)
            .WithSummary("Start the same training run in the background; poll its Location for the stage and the profiles scored")
            .Produces<TrainingJobView>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/models/training/{id:guid}", TrainingStatus).RequireAuthorization(Policies.Administer)
            .WithSummary("A background training run: its stage in words, profiles scored of total, and at the end the result or why it failed")
            .Produces<TrainingJobView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/models/onnx", ImportOnnxAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Bring your own ONNX model (base64) with the profile features its input reads and its probability output")
            .Produces<OnnxImportResult>().ProducesValidationProblem();
        group.MapPost("/models/{id:guid}/activate", ActivateAsync).RequireAuthorization(Policies.Administer).WithSummary("Score with this version from now on (also how to roll back) and re-score every profile with it")
            .Produces<ModelActivation>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/drift", async (ScoreDriftMonitor monitor, CancellationToken ct) => TypedResults.Ok(await monitor.CheckAsync(ct)))
            .RequireAuthorization(Policies.Administer).WithSummary("Measure drift of every active model now (it also runs daily)");
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, IOptions<AutomationOptions> options, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var models = await db.ScoreModels.AsNoTracking().OrderBy(m => m.Score).ThenByDescending(m => m.Version)
            .Select(m => new ScoreModelRecord { Id = m.Id, Score = m.Score, Version = m.Version, Kind = m.Kind, Active = m.Active, CreatedAt = m.CreatedAt, HorizonDays = m.HorizonDays, Threshold = m.Threshold, MetricsJson = m.MetricsJson, FeaturesJson = m.FeaturesJson, Model = Array.Empty<byte>() })
            .ToListAsync(ct);
        var drift = (await db.ScoreDrift.AsNoTracking().ToListAsync(ct)).GroupBy(d => d.ModelId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Day)!);
        return TypedResults.Ok(models.Select(m => Summary(m, drift.GetValueOrDefault(m.Id), options.Value.Scoring.DriftWarning)).ToList());
    }

    private static async Task<IResult> DetailAsync(Guid id, IDbContextFactory<AutomationDbContext> databases, FeatureDriftMeter features, IOptions<AutomationOptions> options, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var record = await db.ScoreModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (record is null)
        {
            return Problems.NotFound($"no model version {id}");
        }

        var limit = options.Value.Scoring.DriftWarning;
        var history = await db.ScoreDrift.AsNoTracking().Where(d => d.ModelId == id).OrderBy(d => d.Day).ToListAsync(ct);
        return TypedResults.Ok(new ScoreModelDetail(
            Summary(record, history.LastOrDefault(), limit),
            [.. history.Select(d => Drift(d, limit))],
            await features.MeasureAsync(record, ct)));
    }

    private static ScoreModelSummary Summary(ScoreModelRecord m, ScoreDriftSnapshot? drift, double limit) => new(
        m.Id,
        m.Score,
        m.Version,
        m.Kind,
        m.Active,
        m.CreatedAt,
        m.HorizonDays,
        m.Threshold,
        m.MetricsJson is { Length: > 2 } json ? JsonSerializer.Deserialize<ModelMetrics>(json, MessageTypes.Json) : null,
        [.. ScoreModelStore.Features(m).Select(f => f.Name)],
        drift is null ? null : Drift(drift, limit));

    private static ScoreDriftView Drift(ScoreDriftSnapshot d, double limit) => new(
        d.Day,
        d.Psi,
        d.Customers,
        d.Psi > limit ? string.Create(CultureInfo.InvariantCulture, $"scores have drifted from the training distribution (PSI {d.Psi:0.###} > {limit}); consider retraining") : null);

    private static async Task<IResult> TrainAsync(TrainRequest body, TrainingRun run, CancellationToken ct)
    {
        if (Parse(body) is not { } request)
        {
            return Refusal(body);
        }

        try
        {
            return TypedResults.Ok(await run.RunAsync(request, null, ct));
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Validation("history", ex.Message);
        }
    }

    private static IResult StartTraining(TrainRequest body, TrainingJobs jobs)
    {
        if (Parse(body) is not { } request)
        {
            return Refusal(body);
        }

        return jobs.Start(request) is { } job
            ? TypedResults.Accepted($"/api/scores/models/training/{job.Id}", job.View())
            : Problems.Conflict("a training run is still going on; wait for it to finish");
    }

    private static IResult TrainingStatus(Guid id, TrainingJobs jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(job.View()) : Problems.NotFound($"no training run {id} (finished runs are kept for an hour)");

    private static TrainingRequest? Parse(TrainRequest body) =>
        ScoreTargets.Parse(body.Target) is { } score && body.HorizonDays is >= 1 and <= 365
            ? new TrainingRequest(score, body.HorizonDays.Value, body.Threshold ?? 0.5, body.Activate ?? true, body.Margin ?? ModelTrainer.DefaultMargin, body.Force ?? false)
            : null;

    private static IResult Refusal(TrainRequest body) => ScoreTargets.Parse(body.Target) is null
        ? Problems.Validation("target", "use churn or purchase")
        : Problems.Validation("horizonDays", "give a horizon between 1 and 365 days");

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
            return TypedResults.Ok(new OnnxImportResult(saved.Id, saved.Score, saved.Version, saved.Active));
        }
        catch (Exception ex) when (ex is ArgumentException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            return Problems.Validation(ex is ArgumentException { ParamName: "mapping" } ? "mapping" : "model", ex.Message);
        }
    }

    private static async Task<IResult> ActivateAsync(Guid id, ScoreModelStore store, ActiveScoreModels active, ProfileRescoring rescoring, ScoringMoment moment, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        if (!await store.ActivateAsync(id, ct))
        {
            return Problems.NotFound($"no model version {id}");
        }

        active.Invalidate();
        var asOf = await moment.AsOfAsync(ct);
        var scored = await rescoring.RunAsync(asOf, null, ct);
        await using var db = await databases.CreateDbContextAsync(ct);
        var record = await db.ScoreModels.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Score, m.Version }).FirstAsync(ct);
        return TypedResults.Ok(new ModelActivation(id, record.Score, record.Version, scored, asOf));
    }
}

public sealed record TrainRequest(string? Target, int? HorizonDays, double? Threshold, bool? Activate, double? Margin = null, bool? Force = null);

public sealed record OnnxImportRequest(string? Score, string? Model, OnnxMapping? Mapping, double? Threshold, bool? Activate);
