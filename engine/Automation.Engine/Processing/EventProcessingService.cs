using Automation.Engine.Configuration;
using Automation.Engine.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Processing;

/// <summary>Runs the event processor whenever ingestion signals new events, and on a short poll for other processes' events.</summary>
public sealed partial class EventProcessingService(
    EventProcessor processor,
    EventProcessingSignal signal,
    IOptions<AutomationOptions> options,
    ILogger<EventProcessingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            // The last batch's write may still be going on behind the processor: stopping waits for it.
            await processor.DrainAsync(CancellationToken.None);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var processed = await processor.ProcessBatchAsync(stoppingToken);
                if (processed == 0)
                {
                    await signal.WaitAsync(options.Value.Processing.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogProcessingFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event processing failed; the batch stays unprocessed and is retried")]
    private static partial void LogProcessingFailed(ILogger logger, Exception ex);
}
