using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Email;

/// <summary>
/// Renders each email of a batch for its customer and sends them all over the plugin's one pooled, authenticated SMTP
/// session, or into the host's built-in outbox when no SMTP host is configured; each answers for itself (a bad address
/// or template fails alone, SMTP faults map to retryable or permanent).
/// </summary>
public sealed class EmailSendHandler(EmailComposer composer, SmtpConnectionPool smtp, IOptions<EmailSettings> options, IMailDelivery mail) : BatchActionHandler<EmailSendInput>
{
    protected override async Task<IReadOnlyList<ActionResult>> HandleBatchAsync(IReadOnlyList<ActionBatchItem<EmailSendInput>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new ActionResult?[items.Count];
        var emails = new List<OutgoingEmail>(items.Count);
        var positions = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (email, failure) = await composer.ComposeAsync(items[i].Request, items[i].Input, cancellationToken);
            if (email is null)
            {
                results[i] = failure;
                continue;
            }

            emails.Add(email);
            positions.Add(i);
        }

        var sent = await SendAsync(emails, cancellationToken);
        for (var i = 0; i < sent.Count; i++)
        {
            results[positions[i]] = sent[i];
        }

        return [.. results.Select(r => r!)];
    }

    private async Task<IReadOnlyList<ActionResult>> SendAsync(List<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        var server = options.Value.Smtp;
        if (!string.IsNullOrWhiteSpace(server.Host))
        {
            return await smtp.SendEachAsync(emails, cancellationToken);
        }

        // No SMTP server: the host's built-in outbox takes them (the web app shows them), one answer each.
        var caught = new List<ActionResult>(emails.Count);
        foreach (var email in emails)
        {
            caught.Add(await mail.SendAsync("Email", server, email, cancellationToken));
        }

        return caught;
    }
}
