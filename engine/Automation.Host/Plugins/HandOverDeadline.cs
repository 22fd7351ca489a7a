namespace Automation.Host.Plugins;

/// <summary>
/// The one cancellation a connector's handler runs under: the engine shutting down, after the same grace the bus gives
/// its deliveries. Not the delivery's token (MassTransit cancels that when a broker channel closes, and a send cancelled
/// after the external system took it would go out again on redelivery), and not the connector's declared timeout (that
/// only says when a missing outcome is overdue; the SDK's SMTP and HTTP clients time out on their own).
/// </summary>
public sealed class HandOverDeadline : IDisposable
{
    /// <summary>As long as the bus waits for in-flight deliveries when it stops (MassTransitHostOptions.ConsumerStopTimeout).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource source = new();
    private readonly CancellationTokenRegistration stopping;

    public HandOverDeadline(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        stopping = lifetime.ApplicationStopping.Register(() => source.CancelAfter(Grace));
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        stopping.Dispose();
        source.Dispose();
    }
}
