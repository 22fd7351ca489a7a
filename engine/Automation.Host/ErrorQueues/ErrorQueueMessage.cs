namespace Automation.Host.ErrorQueues;

/// <summary>A message a consumer gave up on, as an admin sees it: where it was going, what it is about and why it failed.</summary>
/// <param name="Id">The message's id (MassTransit's MessageId), used to replay or discard it.</param>
/// <param name="Queue">The queue it was consumed from and goes back to when replayed.</param>
/// <param name="MessageType">E.g. DispatchAction, ActionCompleted.</param>
/// <param name="ActionId">The action it concerns, when it concerns one.</param>
public sealed record ErrorQueueMessage(
    string Id,
    string Queue,
    string MessageType,
    Guid? ActionId,
    string Reason,
    string? ExceptionType,
    DateTimeOffset? FaultedAt);
