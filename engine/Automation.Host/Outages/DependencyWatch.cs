using Automation.Storage;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Outages;

/// <summary>
/// Logs each dependency outage three ways only: once when it starts (with the reason), a summary every minute while it
/// lasts (how long, how many attempts failed), once when it ends. An outage starts with the first failure that
/// <see cref="OutageClassifier"/> recognises and ends when the dependency answers this watch's probe.
/// </summary>
public sealed partial class DependencyWatch(
    DependencyOutages outages,
    IDbContextFactory<AutomationDbContext> databases,
    IBusControl bus,
    TimeProvider clock,
    ILogger<DependencyWatch> logger) : BackgroundService
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan SummaryInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<Dependency, DateTimeOffset> announced = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ProbeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var dependency in Enum.GetValues<Dependency>())
            {
                if (outages.Current(dependency) is not { } outage)
                {
                    continue;
                }

                var now = clock.GetUtcNow();
                if (!announced.TryGetValue(dependency, out var lastLine))
                {
                    LogStarted(logger, dependency, outage.Reason);
                    announced[dependency] = now;
                }
                else if (now - lastLine >= SummaryInterval)
                {
                    LogLasting(logger, dependency, Seconds(now - outage.Since), outage.FailedAttempts, outage.Reason);
                    announced[dependency] = now;
                }

                if (await AnswersAsync(dependency, stoppingToken) && outages.Ended(dependency) is { } ended)
                {
                    LogEnded(logger, dependency, Seconds(clock.GetUtcNow() - ended.Since), ended.FailedAttempts);
                    announced.Remove(dependency);
                }
            }
        }
    }

    private async Task<bool> AnswersAsync(Dependency dependency, CancellationToken cancellationToken)
    {
        if (dependency == Dependency.Broker)
        {
            return bus.CheckHealth().Status == BusHealthStatus.Healthy;
        }

        try
        {
            // Every idle connection the outage reset would fail its next user once, mid-work, after the outage ended.
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            db.ForgetPooledConnections();
            return await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (OutageClassifier.Classify(ex) is not null)
        {
            return false;
        }
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} unreachable: {Reason}. Retrying; a summary follows every minute until it answers")]
    private static partial void LogStarted(ILogger logger, Dependency dependency, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Dependency} still unreachable after {Seconds} s; {Attempts} attempts failed so far ({Reason})")]
    private static partial void LogLasting(ILogger logger, Dependency dependency, double seconds, long attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Dependency} reachable again after {Seconds} s; {Attempts} attempts failed meanwhile")]
    private static partial void LogEnded(ILogger logger, Dependency dependency, double seconds, long attempts);
}
