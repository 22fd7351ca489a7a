namespace Automation.Host.Training;

/// <summary>
/// A training run started from the web app, as it is polled: its stage (queued, examples, fitting, scoring, done,
/// failed) in words, profiles scored of total while scoring, and at the end the result or the reason it failed.
/// </summary>
public sealed record TrainingJobView(
    Guid Id,
    string Target,
    string Stage,
    string Description,
    int Done,
    int Total,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    TrainingResult? Result,
    string? Error);
