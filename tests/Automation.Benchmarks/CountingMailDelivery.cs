using System.Collections.Concurrent;
using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;

namespace Automation.Benchmarks;

/// <summary>
/// The host's mail delivery for the audience run: the Email plugin renders and hands over each message as in
/// production, and this notes when it arrived (no SMTP server, no outbox table) so the run can time the last one.
/// </summary>
public sealed class CountingMailDelivery : IMailDelivery
{
    private readonly ConcurrentDictionary<string, DateTime> arrived = new(StringComparer.Ordinal);

    public int Count => arrived.Count;

    /// <summary>How many addresses got more than one email (an action delivered twice).</summary>
    public int Repeated { get; private set; }

    public DateTime Last => arrived.IsEmpty ? DateTime.MinValue : arrived.Values.Max();

    public bool Delivers(SmtpServerSettings server) => true;

    public Task<ActionResult> SendAsync(string plugin, SmtpServerSettings server, OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!arrived.TryAdd(email.ToAddress, DateTime.UtcNow))
        {
            Repeated++;
        }

        return Task.FromResult(ActionResult.Success("counted"));
    }

    public void Reset()
    {
        arrived.Clear();
        Repeated = 0;
    }
}
