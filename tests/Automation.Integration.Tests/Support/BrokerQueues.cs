using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Automation.Integration.Tests.Support;

/// <summary>Looks into a host's RabbitMQ queues, e.g. how many messages an error queue holds.</summary>
public static class BrokerQueues
{
    public static async Task<uint> MessageCountAsync(Uri virtualHost, string queue)
    {
        var factory = new ConnectionFactory { Uri = virtualHost };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var declared = await channel.QueueDeclarePassiveAsync(queue);
        return declared.MessageCount;
    }

    /// <summary>Like <see cref="MessageCountAsync"/>, but 0 for a queue not declared yet (an error queue before its first fault).</summary>
    public static async Task<uint> MessageCountOrZeroAsync(Uri virtualHost, string queue)
    {
        try
        {
            return await MessageCountAsync(virtualHost, queue);
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }
}
