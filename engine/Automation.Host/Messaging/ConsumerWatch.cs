using Automation.Engine.Actions;
using Automation.Engine.Dispatch;
using MassTransit;

namespace Automation.Host.Messaging;

/// <summary>
/// MassTransit 8's RabbitMQ receive endpoint can stay without a consumer after a broker outage that struck while one of
/// its messages was being handled (its acknowledgement failed; MassTransit issues #2072 and #5692): the bus reports
/// itself healthy while the queue fills and nothing takes from it (a 30 s broker cut left 1,762 email commands waiting
/// with 0 consumers). This watch asks the broker for the consumers of the engine's queues and logs an error for a queue
/// that has none on two checks in a row while the broker answers, so that an operator restarts the engine. Restarting
/// the bus from here does not work: stopping it waits for ever on the dead endpoint, and every other endpoint is gone.
/// </summary>
public sealed partial class ConsumerWatch(RabbitMqQueueBacklog broker, ActionCatalog catalog, TimeProvider clock, ILogger<ConsumerWatch> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(10);

    private static readonly string OutcomeQueue = KebabCaseEndpointNameFormatter.Instance.Consumer<ActionOutcomeConsumer>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queues = catalog.All.Select(a => a.Queue).Append(OutcomeQueue).ToList();
        var suspects = new HashSet<string>(StringComparer.Ordinal);
        using var timer = new PeriodicTimer(CheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await broker.InspectAsync(queues, stoppingToken) is not { } found)
                {
                    suspects.Clear(); // the broker is away: the outage is someone else's to report
                    continue;
                }

                var idle = found.Where(q => q.Value.Consumers == 0).Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
                var confirmed = idle.Where(suspects.Contains).ToList();
                suspects = idle;
                if (confirmed.Count == 0)
                {
                    continue;
                }

                LogNoConsumer(logger, string.Join(", ", confirmed.Select(q => $"{q} ({found[q].Messages} waiting)")));
                suspects.Clear();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "No consumer on {Queues} although the broker answers: restart the engine to connect its endpoints again")]
    private static partial void LogNoConsumer(ILogger logger, string queues);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the queues' consumers failed; the next check tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
