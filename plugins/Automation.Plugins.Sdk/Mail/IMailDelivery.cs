namespace Automation.Plugins.Sdk.Mail;

/// <summary>
/// How a connector sends email (offered by the host): over the SMTP server in its settings, or, when that names no
/// host, into the host's built-in outbox, which the web app shows. A connector asks this instead of making an
/// <see cref="SmtpMailer"/> itself, so an unconfigured demo delivers instead of failing.
/// </summary>
public interface IMailDelivery
{
    /// <summary>Whether mail for this server goes anywhere: its host is set, or the built-in outbox takes it.</summary>
    bool Delivers(SmtpServerSettings server);

    /// <summary>Sends the email; the result is the action's outcome (see <see cref="SmtpMailer.SendAsync"/>).</summary>
    Task<ActionResult> SendAsync(string plugin, SmtpServerSettings server, OutgoingEmail email, CancellationToken cancellationToken);
}
