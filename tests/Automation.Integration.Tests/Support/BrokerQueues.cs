using RabbitMQ.Client;

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
}
