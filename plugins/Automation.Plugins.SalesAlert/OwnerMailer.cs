using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.SalesAlert;

/// <summary>Emails an alert to the account owner over SMTP; SMTP faults map to retryable or permanent (SmtpMailer).</summary>
public sealed class OwnerMailer(IOptions<SalesAlertSettings> options)
{
    private readonly SalesAlertSettings settings = options.Value;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(settings.Smtp.Host);

    public async Task<ActionResult> SendAsync(string owner, SalesAlertMessage alert, ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(request);
        var smtp = settings.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return ActionResult.Permanent("Automation:Plugins:SalesAlert:Smtp:Host is not set");
        }

        if (!SmtpMailer.IsAddress(owner))
        {
            return ActionResult.Permanent($"owner '{owner}' is not an email address");
        }

        return await new SmtpMailer(smtp).SendAsync(
            new OutgoingEmail(settings.FromName, settings.FromAddress, owner, alert.Title)
            {
                Text = alert.ToText(),
                MessageId = request.EmailMessageId(settings.FromAddress),
                Headers =
                [
                    new("X-Automation-Action", request.ActionId.ToString()),
                    new("X-Automation-Idempotency-Key", request.IdempotencyKey),
                ],
            },
            cancellationToken);
    }
}
