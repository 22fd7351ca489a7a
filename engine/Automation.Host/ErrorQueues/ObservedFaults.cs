using System.Collections.Concurrent;
using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using Automation.Plugins.Sdk.Contracts;
using MassTransit;

namespace Automation.Host.ErrorQueues;

/// <summary>
/// The in-memory bus's error queues cannot be read, so the dispatch faults the host observes stand for them, held in
/// memory like the bus itself (their actions are failed in the database and can be retried from there too).
/// </summary>
public sealed class ObservedFaults(IServiceProvider services) : IErrorQueues
{
    private const int Limit = 1000;

    private readonly ConcurrentDictionary<string, (ErrorQueueMessage View, DispatchAction Message)> faults = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<ErrorQueueMessage>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ErrorQueueMessage>>([.. faults.Values.Select(f => f.View).OrderBy(v => v.FaultedAt)]);

    public async Task<ErrorQueueMessage?> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        if (!faults.TryRemove(id, out var fault))
        {
            return null;
        }

        var endpoint = await services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{fault.View.Queue}"));
        await endpoint.Send(fault.Message, cancellationToken);
        return fault.View;
    }

    public Task<ErrorQueueMessage?> DiscardAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(faults.TryRemove(id, out var fault) ? fault.View : null);

    public void Observe(DispatchAction message, string queue, string reason, string? exceptionType, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (faults.Count >= Limit)
        {
            return; // the actions are failed in the dispatch log either way; this list only mirrors an error queue
        }

        var id = message.ActionId.ToString();
        faults[id] = (new ErrorQueueMessage(id, queue, nameof(DispatchAction), message.ActionId, reason, exceptionType, at), message);
    }

    /// <summary>The queue a dispatch of this type is consumed from.</summary>
    public static string QueueOf(DispatchAction message) => RegisteredAction.QueueName(message.ActionType);
}
