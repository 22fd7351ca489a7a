using Automation.Engine.Approvals;
using Automation.Engine.Mail;
using Automation.Plugins.Sdk.Mail;
using Microsoft.Extensions.Options;

namespace Automation.Host.Approvals;

/// <summary>
/// Sends the approvers' digest over SMTP (the email connector's server), one message per approver on one connection;
/// into the built-in outbox when no SMTP host is configured.
/// </summary>
public sealed class DigestMailer(IOptions<DigestSmtpSettings> options, MailDelivery mail)
{
    public async Task SendAsync(ApprovalDigest digest, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var settings = options.Value;
        var text = digest.Text(nowUtc);
        await mail.SendAllAsync(
            "ApprovalDigest",
            settings.Smtp,
            [.. digest.Approvers.Select(approver => new OutgoingEmail(settings.FromName, settings.FromAddress, approver, digest.Subject) { Text = text })],
            cancellationToken);
    }
}
