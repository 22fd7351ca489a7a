using System.Diagnostics;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// Issue 37's four drills, started together when the test class starts, so the suite lasts about as long as its longest
/// drill (the SMTP outage) rather than their sum; each test awaits and judges its own. Each drill owns its engine process,
/// database, vhost and proxies, and its customers' addresses, so the drills cannot see each other's counts.
/// </summary>
public sealed class FaultDrills : IAsyncLifetime
{
    private static readonly TimeSpan ProducerPace = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(300);

    public Task<DrillReport> BrokerOutage { get; private set; } = Task.FromException<DrillReport>(new InvalidOperationException("not started"));

    public Task<DrillReport> DatabaseOutage { get; private set; } = Task.FromException<DrillReport>(new InvalidOperationException("not started"));

    public Task<DrillReport> SmtpOutage { get; private set; } = Task.FromException<DrillReport>(new InvalidOperationException("not started"));

    public Task<DrillReport> EngineKill { get; private set; } = Task.FromException<DrillReport>(new InvalidOperationException("not started"));

    public Task InitializeAsync()
    {
        if (TestServices.Get(TestServices.RabbitMq) is null && !TestServices.InCi)
        {
            return Task.CompletedTask; // the tests are skipped and say why
        }

        // Longest first: the hosts start one at a time (FaultDrill), and the SMTP drill decides the suite's length.
        SmtpOutage = Task.Run(() => CutAsync("smtp", d => d.Smtp, TimeSpan.FromSeconds(60)));
        BrokerOutage = Task.Run(() => CutAsync("broker", d => d.Broker, TimeSpan.FromSeconds(30)));
        DatabaseOutage = Task.Run(() => CutAsync("database", d => d.Database, TimeSpan.FromSeconds(20)));
        EngineKill = Task.Run(KillAsync);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await Task.WhenAll(BrokerOutage, DatabaseOutage, SmtpOutage, EngineKill);
        }
        catch (Exception)
        {
            // each test reports its own drill's failure
        }
    }

    /// <summary>
    /// Posts half the customers, cuts one service's proxy once the first emails are out, and posts the other half
    /// while it is away (refused batches are posted again), so the fault meets both emails in flight and a producer.
    /// </summary>
    private static async Task<DrillReport> CutAsync(string name, Func<FaultDrill, TcpProxy> service, TimeSpan outage)
    {
        var clock = Stopwatch.StartNew();
        await using var drill = await FaultDrill.StartAsync(name);
        using var producing = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        const int half = FaultDrill.Customers / 2;
        await drill.Producer.RunAsync(0, half, ProducerPace, producing.Token);
        var atFault = await drill.EmailsReachAsync(100, TimeSpan.FromSeconds(240));
        service(drill).Cut();
        var secondHalf = drill.Producer.RunAsync(half, half, ProducerPace, producing.Token);
        await Task.Delay(outage);
        var whenEnded = drill.Mailbox.Count();
        service(drill).Restore();
        await secondHalf;
        var counts = await drill.SettleAsync(Recovery);
        return new DrillReport($"{name} unreachable {outage.TotalSeconds:0} s", counts, atFault, whenEnded, drill.Producer.Refusals, clock.Elapsed, FaultDrill.Tail(drill.Host?.Output));
    }

    /// <summary>
    /// SIGKILLs the engine process once the first hundreds of emails are out, while the producer still posts (it posts
    /// its refused batches again until the engine is back), then starts it again. Waiting for the producer to finish
    /// first let a busy machine send every email before the kill, and the drill proved nothing.
    /// </summary>
    private static async Task<DrillReport> KillAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var drill = await FaultDrill.StartAsync("sigkill");
        using var producing = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var producer = drill.Producer.RunAsync(0, FaultDrill.Customers, ProducerPace, producing.Token);
        await drill.EmailsReachAsync(200, TimeSpan.FromSeconds(240));
        await drill.KillHostAsync();
        var atKill = drill.Mailbox.Count();
        await drill.StartHostAsync();
        await producer;
        var counts = await drill.SettleAsync(Recovery);
        var logs = $"{FaultDrill.Tail(drill.KilledOutput)}\n--- killed; started again ---\n{FaultDrill.Tail(drill.Host?.Output)}";
        return new DrillReport("engine SIGKILL", counts, atKill, atKill, drill.Producer.Refusals, clock.Elapsed, logs);
    }
}
