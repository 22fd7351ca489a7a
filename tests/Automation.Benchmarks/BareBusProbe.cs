using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Automation.Testing;
using MassTransit;

namespace Automation.Benchmarks;

/// <summary>A small message sent to a queue of its own on a bare MassTransit bus: the dispatch benchmark's baseline.</summary>
public sealed record BenchPing(int Sequence, DateTime SentAt);

/// <summary>
/// The floor under every dispatch: a bus on the same transport (and vhost) as the engine with one consumer that notes
/// when each message arrived; messages are sent one after the other, as the engine's outbox relay sends.
/// </summary>
public static class BareBusProbe
{
    public static async Task<(double PerSecond, double P50, double P99)> MeasureAsync(BrokerAndDatabase? rabbitMq, int burst, int rate, int seconds)
    {
        var received = new ConcurrentDictionary<int, (DateTime SentAt, DateTime ReceivedAt)>();
        var bus = rabbitMq is null
            ? Bus.Factory.CreateUsingInMemory(cfg => cfg.ReceiveEndpoint("bench-ping", e => Receive(e, received)))
            : Bus.Factory.CreateUsingRabbitMq(cfg =>
            {
                var settings = rabbitMq.Settings();
                cfg.Host(settings["Automation:RabbitMq:Host"], ushort.Parse(settings["Automation:RabbitMq:Port"]!, CultureInfo.InvariantCulture), settings["Automation:RabbitMq:VirtualHost"], h =>
                {
                    h.Username(settings["Automation:RabbitMq:Username"]!);
                    h.Password(settings["Automation:RabbitMq:Password"]!);
                });
                cfg.ReceiveEndpoint("bench-ping", e => Receive(e, received));
            });
        await bus.StartAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri("queue:bench-ping"));
            for (var i = 0; i < 200; i++)
            {
                await endpoint.Send(new BenchPing(-1 - i, DateTime.UtcNow));
            }

            await WaitForAsync(received, 200);
            received.Clear();

            var start = DateTime.UtcNow;
            for (var i = 0; i < burst; i++)
            {
                await endpoint.Send(new BenchPing(i, DateTime.UtcNow));
            }

            await WaitForAsync(received, burst);
            var perSecond = burst / (received.Values.Max(r => r.ReceivedAt) - start).TotalSeconds;
            received.Clear();

            var total = rate * seconds;
            var clock = Stopwatch.StartNew();
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            var sent = 0;
            while (sent < total && await tick.WaitForNextTickAsync())
            {
                var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate));
                for (; sent < due; sent++)
                {
                    await endpoint.Send(new BenchPing(sent, DateTime.UtcNow));
                }
            }

            await WaitForAsync(received, total);
            var latencies = received.Values.Select(r => (r.ReceivedAt - r.SentAt).TotalMilliseconds).Order().ToArray();
            return (perSecond, latencies[latencies.Length / 2], latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * 0.99))]);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private static void Receive(IReceiveEndpointConfigurator endpoint, ConcurrentDictionary<int, (DateTime, DateTime)> received) =>
        endpoint.Handler<BenchPing>(context =>
        {
            received[context.Message.Sequence] = (context.Message.SentAt, DateTime.UtcNow);
            return Task.CompletedTask;
        });

    private static async Task WaitForAsync(ConcurrentDictionary<int, (DateTime, DateTime)> received, int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the bare bus delivered {received.Count} of {count} messages");
            }

            await Task.Delay(5);
        }
    }
}
