using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Automation.Host.Messaging;

/// <summary>Asks RabbitMQ how many messages wait in each queue, and how many consumers it has (a passive declare per queue, on one short connection).</summary>
public sealed class RabbitMqQueueBacklog(IOptions<AutomationOptions> options) : IQueueBacklog
{
    public async Task<IReadOnlySet<string>> WaitingAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        if (await InspectAsync(queues, cancellationToken) is not { } found)
        {
            waiting.UnionWith(queues); // the broker cannot say; judge no action while it is away
            return waiting;
        }

        waiting.UnionWith(found.Where(q => q.Value.Messages > 0).Select(q => q.Key));
        return waiting;
    }

    /// <summary>Each declared queue's waiting messages and consumers; null when the broker cannot be asked.</summary>
    public async Task<IReadOnlyDictionary<string, (uint Messages, uint Consumers)>?> InspectAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var found = new Dictionary<string, (uint Messages, uint Consumers)>(StringComparer.Ordinal);
        try
        {
            var rabbit = options.Value.RabbitMq;
            var factory = new ConnectionFactory
            {
                HostName = rabbit.Host,
                Port = rabbit.Port,
                VirtualHost = rabbit.VirtualHost,
                UserName = rabbit.Username,
                Password = rabbit.Password,
                ClientProvidedName = "automation-queue-backlog",
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            foreach (var queue in queues)
            {
                try
                {
                    // A channel per queue: a passive declare of a queue that does not exist yet closes its channel.
                    await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                    var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                    found[queue] = (declared.MessageCount, declared.ConsumerCount);
                }
                catch (OperationInterruptedException)
                {
                    // not declared yet: nothing waits in it
                }
            }
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException or AlreadyClosedException or TimeoutException)
        {
            return null;
        }

        return found;
    }
}
