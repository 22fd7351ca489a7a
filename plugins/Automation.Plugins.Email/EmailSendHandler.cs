using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;

namespace Automation.Plugins.Email;

/// <summary>
/// Renders each email of a batch for its customer and sends them all over the plugin's one pooled, authenticated SMTP
/// session; each answers for itself (a bad address or template fails alone, SMTP faults map to retryable or permanent).
/// </summary>
public sealed class EmailSendHandler(EmailComposer composer, SmtpConnectionPool smtp) : BatchActionHandler<EmailSendInput>
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

        var sent = await smtp.SendEachAsync(emails, cancellationToken);
        for (var i = 0; i < sent.Count; i++)
        {
            results[positions[i]] = sent[i];
        }

        return [.. results.Select(r => r!)];
    }
}
