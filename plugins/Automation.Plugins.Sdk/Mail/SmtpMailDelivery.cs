namespace Automation.Plugins.Sdk.Mail;

/// <summary>
/// Mail delivery without a built-in outbox (a host or test harness that has none): over SMTP when the settings name a
/// host, and nowhere otherwise, so a connector treats mail as not configured.
/// </summary>
public sealed class SmtpMailDelivery : IMailDelivery
{
    public bool Delivers(SmtpServerSettings server) => !string.IsNullOrWhiteSpace(server?.Host);

    public Task<ActionResult> SendAsync(string plugin, SmtpServerSettings server, OutgoingEmail email, CancellationToken cancellationToken) =>
        Delivers(server)
            ? new SmtpMailer(server).SendAsync(email, cancellationToken)
            : Task.FromResult(ActionResult.Permanent($"{plugin}: no SMTP host is configured"));
}
