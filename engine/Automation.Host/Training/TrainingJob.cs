using System.Globalization;
using Automation.Engine.Scoring.Models;

namespace Automation.Host.Training;

/// <summary>One training run in the background: its progress as it goes, then its result or the reason it failed.</summary>
public sealed class TrainingJob(Guid id, string target, DateTimeOffset startedAt) : IProgress<TrainingProgress>
{
    private readonly Lock gate = new();
    private TrainingProgress progress = new(TrainingStages.Queued, 0, 0);
    private DateTimeOffset? finishedAt;
    private TrainingResult? result;
    private string? error;

    public Guid Id { get; } = id;

    public bool Finished
    {
        get
        {
            lock (gate)
            {
                return finishedAt is not null;
            }
        }
    }

    public void Report(TrainingProgress value)
    {
        lock (gate)
        {
            progress = value;
        }
    }

    public void Succeed(TrainingResult value, DateTimeOffset at)
    {
        lock (gate)
        {
            (result, finishedAt, progress) = (value, at, progress with { Stage = TrainingStages.Done });
        }
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        lock (gate)
        {
            (error, finishedAt, progress) = (reason, at, progress with { Stage = TrainingStages.Failed });
        }
    }

    public TrainingJobView View()
    {
        lock (gate)
        {
            return new TrainingJobView(Id, target, progress.Stage, Describe(progress, result, error), progress.Done, progress.Total, startedAt, finishedAt, result, error);
        }
    }

    private static string Describe(TrainingProgress p, TrainingResult? result, string? error) => p.Stage switch
    {
        TrainingStages.Queued => "Waiting to start",
        TrainingStages.Examples => "Building examples from the stored history",
        TrainingStages.Fitting => "Fitting the candidates and comparing them with the RFM baseline",
        TrainingStages.Scoring when p.Total > 0 => string.Create(CultureInfo.InvariantCulture, $"Scoring profiles: {p.Done:N0} of {p.Total:N0}"),
        TrainingStages.Scoring => "Scoring profiles",
        TrainingStages.Done when result is not null => $"Version {result.Version}: {result.Decision}",
        TrainingStages.Failed => $"Training failed: {error}",
        _ => p.Stage,
    };
}
