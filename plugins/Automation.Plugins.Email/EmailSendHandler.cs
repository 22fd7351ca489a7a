using System.Net.Sockets;
using Automation.Plugins.Sdk;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Automation.Plugins.Email;

/// <summary>Renders the template for the customer and sends it over SMTP; SMTP faults map to retryable or permanent.</summary>
public sealed class EmailSendHandler(IOptions<EmailSettings> options) : ActionHandler<EmailSendInput>
{
    private readonly EmailSettings settings = options.Value;

    protected override async Task<ActionResult> HandleAsync(ActionRequest request, EmailSendInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Customer.Email) || !MailboxAddress.TryParse(request.Customer.Email, out var to))
        {
            return ActionResult.Permanent($"'{request.Customer.Email}' is not an email address");
        }

        var name = input.Template ?? "";
        if (!settings.Templates.TryGetValue(name, out var template) && !BuiltInTemplates.All.TryGetValue(name, out template))
        {
            return ActionResult.Permanent($"no email template '{name}'");
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, string.IsNullOrWhiteSpace(input.From) ? settings.FromAddress : input.From));
        to.Name = request.Customer.Name;
        message.To.Add(to);
        message.Subject = TemplateRenderer.Render(input.Subject ?? template.Subject, request.Customer, html: false);
        // The action's id is the message's id, so a copy sent again after a crash (SMTP has no idempotency key) carries
        // the same Message-ID, and receivers that drop repeated ids drop it.
        message.MessageId = request.EmailMessageId(settings.FromAddress);
        message.Headers.Add("X-Automation-Action", request.ActionId.ToString());
        message.Headers.Add("X-Automation-Idempotency-Key", request.IdempotencyKey);
        var unsubscribe = $"{settings.UnsubscribeUrl}?customer={Uri.EscapeDataString(request.Customer.CustomerId)}";
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = (string.IsNullOrEmpty(input.Body)
            ? new BodyBuilder { TextBody = TemplateRenderer.Render(template.Text, request.Customer, html: false), HtmlBody = TemplateRenderer.Render(template.Html, request.Customer, html: true) }
            : new BodyBuilder { TextBody = TemplateRenderer.Render(input.Body, request.Customer, html: false) }).ToMessageBody();

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, Security(), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.Username))
            {
                await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return ActionResult.Success($"sent '{message.Subject}' to {to.Address} as {message.MessageId}");
        }
        catch (SmtpCommandException ex) when (ex.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600)
        {
            return ActionResult.Permanent($"the SMTP server refused the message: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException or AuthenticationException or TimeoutException)
        {
            return ActionResult.Retryable($"SMTP {settings.Smtp.Host}:{settings.Smtp.Port} failed: {ex.Message}");
        }
    }

    private SecureSocketOptions Security() =>
        Enum.TryParse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true, out var s) && !string.Equals(settings.Smtp.Security, "Auto", StringComparison.OrdinalIgnoreCase)
            ? s
            : settings.Smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}
