namespace Automation.Host.Api;

/// <summary>
/// One action type's connector and the work waiting for it: actions dispatched and not yet answered, those waiting
/// for their turn under its rate limit in this process, and at that rate how long the queue takes to drain.
/// </summary>
/// <param name="BatchSize">Actions per call for a batch connector; null for one at a time.</param>
/// <param name="RateLimit">E.g. "14 actions per 00:00:01"; null when it runs as fast as the connector answers.</param>
/// <param name="ExpectedDrainSeconds">Queued actions at the rate; null without a rate limit.</param>
public sealed record ConnectorQueueView(
    string ActionType,
    string Plugin,
    int? BatchSize,
    string? RateLimit,
    double? PermitsPerSecond,
    int Queued,
    long WaitingForTurn,
    double? ExpectedDrainSeconds);
