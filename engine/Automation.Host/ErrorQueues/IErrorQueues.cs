using Automation.Plugins.Sdk.Contracts;

namespace Automation.Host.ErrorQueues;

/// <summary>
/// The messages consumers gave up on, chosen with the transport: RabbitMQ's <c>_error</c> queues, or on the in-memory
/// bus the faults the host observes. Nothing is lost by listing; a replayed message goes back to its queue once.
/// </summary>
public interface IErrorQueues
{
    Task<IReadOnlyList<ErrorQueueMessage>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Sends the message back to the queue it failed on; null when there is no such message.</summary>
    Task<ErrorQueueMessage?> ReplayAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes the message for good; null when there is no such message.</summary>
    Task<ErrorQueueMessage?> DiscardAsync(string id, CancellationToken cancellationToken);

    /// <summary>A dispatch failed for good (from its fault): kept where the transport does not keep it itself.</summary>
    void Observe(DispatchAction message, string queue, string reason, string? exceptionType, DateTimeOffset at);
}
