using Automation.Engine.Messaging;

namespace Automation.Engine.Workflows.Runtime;

/// <summary>
/// The audience of a bus only this process hears (the in-memory transport, chosen at composition): of its consumers
/// only the door into workflows takes segment and score messages, and it drops them unless a published workflow listens.
/// Published anyway, each such message was serialized, queued and read back for nothing: over a quarter of the host's
/// CPU under an HTTP ingest with no workflow listening.
/// </summary>
public sealed class InProcessAudience(PublishedTriggers published) : IMessageAudience
{
    public async ValueTask<bool> HearsAsync(object message, CancellationToken cancellationToken) =>
        WorkflowTriggerConsumer.TriggerOf(message) is not { } trigger || await published.ListensAsync(trigger.Type, trigger.Key, cancellationToken);
}
