using System.Net.Sockets;
using Automation.Plugins.Sdk;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Automation.Plugins.Email;

/// <summary>
/// Renders the library's template for the customer and sends it over SMTP; a template that is missing or does not
/// render is a permanent failure with the reason, SMTP faults map to retryable or permanent.
/// </summary>
public sealed class EmailSendHandler(IOptions<EmailSettings> options, IEmailTemplates templates) : ActionHandler<EmailSendInput>
{
    private readonly EmailSettings settings = options.Value;

    protected override async Task<ActionResult> HandleAsync(ActionRequest request, EmailSendInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Customer.Email) || !MailboxAddress.TryParse(request.Customer.Email, out var to))
        {
            return ActionResult.Permanent($"'{request.Customer.Email}' is not an email address");
        }

        var unsubscribe = $"{settings.UnsubscribeUrl}?customer={Uri.EscapeDataString(request.Customer.CustomerId)}";
        RenderedEmail email;
        try
        {
            email = await templates.RenderAsync(new EmailRenderRequest(input.Template ?? "", request.Customer, unsubscribe, request.Context, input.Subject, string.IsNullOrEmpty(input.Body) ? null : input.Body), cancellationToken);
        }
        catch (EmailTemplateException ex)
        {
            return ActionResult.Permanent(ex.Message);
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(Or(email.FromName, settings.FromName), Or(input.From ?? "", Or(email.FromAddress, settings.FromAddress))));
        to.Name = request.Customer.Name;
        message.To.Add(to);
        message.Subject = email.Subject;
        // The action's id is the message's id, so a copy sent again after a crash (SMTP has no idempotency key) carries
        // the same Message-ID, and receivers that drop repeated ids drop it.
        message.MessageId = request.EmailMessageId(Or(email.FromAddress, settings.FromAddress));
        message.Headers.Add("X-Automation-Action", request.ActionId.ToString());
        message.Headers.Add("X-Automation-Idempotency-Key", request.IdempotencyKey);
        message.Headers.Add("X-Automation-Template", $"{email.TemplateKey} v{email.TemplateVersion}");
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder
        {
            TextBody = string.IsNullOrEmpty(email.Text) ? null : email.Text,
            HtmlBody = string.IsNullOrEmpty(email.Html) ? null : email.Html,
        }.ToMessageBody();

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

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private SecureSocketOptions Security() =>
        Enum.TryParse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true, out var s) && !string.Equals(settings.Smtp.Security, "Auto", StringComparison.OrdinalIgnoreCase)
            ? s
            : settings.Smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}
