using System.Data.Common;
using System.Diagnostics;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Dispatch;

/// <summary>
/// Waits out an outage of our own database: the operation is tried again with back-off (200 ms doubling to 10 s) for
/// as long as Automation:Dispatch:OutageBudget allows. A connector is not to blame when our database is down, so such
/// a failure must neither use up the connector's retries nor fail the action; anything else is rethrown at once.
/// </summary>
public sealed partial class OutageRetry(IOptions<AutomationOptions> options, ILogger<OutageRetry> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(10);

    /// <summary>A failure of the database itself (unreachable, connection lost, timed out), not of what was asked of it.</summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        DbException { IsTransient: true } => true,
        TimeoutException => true,
        // A connection broken under an open transaction answers its next command with this instead of a DbException.
        InvalidOperationException { Message: var m } when m.Contains("connection", StringComparison.OrdinalIgnoreCase) && m.Contains("broken", StringComparison.OrdinalIgnoreCase) => true,
        { InnerException: { } inner } => IsOutage(inner),
        _ => false,
    };

    public async Task RunAsync(string what, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        await RunAsync<bool>(
            what,
            async ct =>
            {
                await operation(ct);
                return true;
            },
            cancellationToken);
    }

    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var budget = options.Value.Dispatch.OutageBudget;
        var since = Stopwatch.StartNew();
        var delay = FirstDelay;
        var tries = 0;
        while (true)
        {
            try
            {
                var result = await operation(cancellationToken);
                if (tries > 0)
                {
                    LogRecovered(logger, what, tries, since.Elapsed.TotalSeconds);
                }

                return result;
            }
            catch (Exception ex) when (IsOutage(ex) && !cancellationToken.IsCancellationRequested)
            {
                if (since.Elapsed + delay >= budget)
                {
                    // Not wrapped: error queues show the innermost exception's message, and this one says what happened.
                    throw new OutageOutlastedBudgetException($"{what}: the database was still unavailable after {since.Elapsed.TotalSeconds:0} s ({ex.GetType().Name}: {ex.GetBaseException().Message})");
                }

                if (tries++ == 0)
                {
                    LogWaiting(logger, what, ex.Message, budget.TotalMinutes);
                }

                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What}: the database is unavailable ({Error}); trying again with back-off for up to {Minutes} min")]
    private static partial void LogWaiting(ILogger logger, string what, string error, double minutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "{What}: the database is back after {Tries} tries in {Seconds:0.0} s")]
    private static partial void LogRecovered(ILogger logger, string what, int tries, double seconds);
}
