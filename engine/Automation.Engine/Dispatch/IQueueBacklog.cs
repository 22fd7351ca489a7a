namespace Automation.Engine.Dispatch;

/// <summary>
/// Which of the bus's queues still hold messages waiting for a consumer. An action whose command or outcome waits in a
/// backlog (a large campaign, a connector catching up after an outage) is not overdue, however long ago it was dispatched.
/// </summary>
public interface IQueueBacklog
{
    /// <summary>The queues among these with messages waiting; all of them when the broker cannot be asked.</summary>
    Task<IReadOnlySet<string>> WaitingAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken);
}

/// <summary>The in-memory bus's queues cannot be looked into; a crash there is recovered at start (InFlightDispatchRecovery).</summary>
public sealed class UnknownQueueBacklog : IQueueBacklog
{
    public Task<IReadOnlySet<string>> WaitingAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(StringComparer.Ordinal));
}
