using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.SalesAlert;

/// <summary>
/// Emails an alert to the account owner over SMTP, or into the host's built-in outbox when no SMTP host is set; SMTP
/// faults map to retryable or permanent (SmtpMailer).
/// </summary>
public sealed class OwnerMailer(IOptions<SalesAlertSettings> options, IMailDelivery mail)
{
    private readonly SalesAlertSettings settings = options.Value;

    public bool IsConfigured => mail.Delivers(settings.Smtp);

    /// <summary>Who is told when the step names no owner and no webhook is set.</summary>
    public string TeamAddress => settings.TeamAddress;

    public async Task<ActionResult> SendAsync(string owner, SalesAlertMessage alert, ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(request);
        if (!SmtpMailer.IsAddress(owner))
        {
            return ActionResult.Permanent($"owner '{owner}' is not an email address");
        }

        return await mail.SendAsync(
            "SalesAlert",
            settings.Smtp,
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
