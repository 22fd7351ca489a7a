using Automation.Engine.Approvals;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Automation.Host.Approvals;

/// <summary>Sends the approvers' digest over SMTP with MailKit, one message per approver.</summary>
public sealed class DigestMailer(IOptions<DigestSmtpSettings> options)
{
    public async Task SendAsync(ApprovalDigest digest, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, Security(settings.Smtp), cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.Username))
        {
            await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? "", cancellationToken);
        }

        var text = digest.Text(nowUtc);
        foreach (var approver in digest.Approvers)
        {
            using var message = new MimeMessage();
            message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
            message.To.Add(MailboxAddress.Parse(approver));
            message.Subject = digest.Subject;
            message.Body = new TextPart("plain") { Text = text };
            await client.SendAsync(message, cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
    }

    private static SecureSocketOptions Security(DigestSmtpSettings.SmtpServer smtp) =>
        Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) && !string.Equals(smtp.Security, "Auto", StringComparison.OrdinalIgnoreCase)
            ? s
            : smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}
