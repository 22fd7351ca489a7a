using System.Net.Sockets;
using Automation.Plugins.Sdk;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Automation.Plugins.SalesAlert;

/// <summary>Emails an alert to the account owner over SMTP; SMTP faults map to retryable or permanent as in the email plugin.</summary>
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

        if (!MailboxAddress.TryParse(owner, out var to) || string.IsNullOrEmpty(to.Address) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            return ActionResult.Permanent($"owner '{owner}' is not an email address");
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(to);
        message.Subject = alert.Title;
        message.MessageId = request.EmailMessageId(settings.FromAddress);
        message.Headers.Add("X-Automation-Action", request.ActionId.ToString());
        message.Headers.Add("X-Automation-Idempotency-Key", request.IdempotencyKey);
        message.Body = new TextPart("plain") { Text = alert.ToText() };

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return ActionResult.Success($"emailed {to.Address} as {message.MessageId}");
        }
        catch (SmtpCommandException ex) when (ex.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600)
        {
            return ActionResult.Permanent($"the SMTP server refused the alert for {to.Address}: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException or AuthenticationException or TimeoutException)
        {
            return ActionResult.Retryable($"SMTP {smtp.Host}:{smtp.Port} failed: {ex.Message}");
        }
    }

    private SecureSocketOptions Security() =>
        Enum.TryParse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true, out var s) && !string.Equals(settings.Smtp.Security, "Auto", StringComparison.OrdinalIgnoreCase)
            ? s
            : settings.Smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}
